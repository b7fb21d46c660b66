from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from staffroom.core.markdown import MAX_BODY_BYTES, extract_mentions, render

ALLOWED_TAGS = {
    *("p", "br", "hr", "blockquote", "pre", "code", "strong", "em", "s", "a", "img"),
    *("h3", "h4", "h5", "h6", "ul", "ol", "li", "label", "input"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
URL_ATTRIBUTES = {"href", "src"}


class TagCollector(HTMLParser):
    """Collect every start tag and its attributes from an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(html)
    collector.close()
    return collector.tags


# Headings


def test_a_level_one_heading_becomes_h3():
    assert render("# Fractions") == "<h3>Fractions</h3>\n"


def test_a_level_two_heading_becomes_h4():
    assert render("Fractions\n---------") == "<h4>Fractions</h4>\n"


def test_deep_headings_stop_at_h6():
    html = render("#### a\n\n##### b\n\n###### c")

    assert html == "<h6>a</h6>\n<h6>b</h6>\n<h6>c</h6>\n"


def test_no_heading_ever_renders_as_h1_or_h2():
    html = render("# one\n\n## two\n\none\n===\n\ntwo\n---")

    assert "<h1" not in html
    assert "<h2" not in html


# Blocks and inlines


def test_a_table_renders_with_alignment_as_classes_not_styles():
    html = render("| Task | Minutes |\n|:-----|--------:|\n| Warm-up | 5 |")

    assert '<th class="align-left">Task</th>' in html
    assert '<td class="align-right">5</td>' in html
    assert "style" not in html


def test_strikethrough_renders_as_s():
    assert render("~~homework~~") == "<p><s>homework</s></p>\n"


def test_task_list_items_render_as_disabled_checkboxes_inside_their_labels():
    html = render("- [ ] plan the lesson\n- [x] print the worksheet")

    assert '<ul class="contains-task-list">' in html
    assert (
        '<li class="task-list-item"><label><input class="task-list-item-checkbox"'
        ' disabled="disabled" type="checkbox"> plan the lesson</label></li>'
    ) in html
    assert 'checked="checked" disabled="disabled" type="checkbox"> print the worksheet' in html


def test_a_fenced_code_block_keeps_its_language_class_and_escapes_its_content():
    html = render("```python\nprint('<b>')\n```")

    assert html == ("<pre><code class=\"language-python\">print('&lt;b&gt;')\n</code></pre>\n")


def test_a_code_block_language_with_odd_characters_loses_its_class():
    html = render('```py"onmouseover=alert(1)\nx\n```')

    assert html == "<pre><code>x\n</code></pre>\n"


def test_a_block_quote_renders_as_blockquote():
    html = render("> Try exit tickets.\n\nI did, it worked.")

    assert (
        html == "<blockquote>\n<p>Try exit tickets.</p>\n</blockquote>\n<p>I did, it worked.</p>\n"
    )


def test_mentions_are_left_as_plain_text():
    assert render("thanks @sam") == "<p>thanks @sam</p>\n"


def test_rendering_is_deterministic():
    text = "# Plan\n\n- [ ] a\n- [x] b\n\nhttps://example.org ![m](/media/a.png)"

    assert render(text) == render(text)


# Links and images


def test_a_bare_url_becomes_a_link_with_rel_nofollow_ugc_noopener():
    html = render("See https://example.org/unit-3 for the slides.")

    assert html == (
        '<p>See <a href="https://example.org/unit-3" rel="nofollow ugc noopener">'
        "https://example.org/unit-3</a> for the slides.</p>\n"
    )


def test_a_www_address_becomes_an_http_link():
    html = render("www.example.org")

    assert '<a href="http://www.example.org" rel="nofollow ugc noopener">' in html


def test_file_names_are_not_mistaken_for_sites():
    assert render("Open notes.md and run plan.py") == "<p>Open notes.md and run plan.py</p>\n"


def test_an_explicit_link_keeps_its_href_and_title_and_gets_rel():
    html = render('[slides](https://example.org/s "Unit 3")')

    assert html == (
        '<p><a href="https://example.org/s" title="Unit 3" rel="nofollow ugc noopener">'
        "slides</a></p>\n"
    )


def test_mailto_and_relative_links_are_kept():
    html = render("[write](mailto:head@school.org) and [thread](/t/12#post-3)")

    assert 'href="mailto:head@school.org"' in html
    assert 'href="/t/12#post-3"' in html


def test_an_email_address_becomes_a_mailto_link():
    html = render("Ask office@school.org")

    assert '<a href="mailto:office@school.org" rel="nofollow ugc noopener">' in html


def test_javascript_links_are_left_as_text():
    html = render("[click](javascript:alert(1)) [again](JavaScript:alert(1)) <javascript:x>")

    assert "<a" not in html


def test_an_entity_encoded_javascript_link_is_left_as_text():
    html = render("[click](&#106;avascript:alert(1))")

    assert "<a" not in html


def test_links_with_other_schemes_are_left_as_text():
    html = render(
        "[f](ftp://example.org/x) [d](data:text/html,hi) [v](vbscript:x) ftp://example.org"
    )

    assert "<a" not in html


def test_images_on_https_or_under_media_are_kept_and_load_lazily():
    html = render("![graph](https://example.org/g.png) ![photo](/media/uploads/p.jpg)")

    assert '<img src="https://example.org/g.png" alt="graph" loading="lazy">' in html
    assert '<img src="/media/uploads/p.jpg" alt="photo" loading="lazy">' in html


def test_images_from_elsewhere_are_replaced_by_their_alt_text():
    html = render(
        "![a](data:image/png;base64,AAAA) ![b](javascript:alert(1)) ![c](//evil.example/x.png)"
        " ![d](pic.png) ![e](/static/x.png) ![f](/media/../admin/) ![g](/media/%2e%2e/admin/)"
    )

    assert "<img" not in html


# Raw HTML and the allowlist


def test_a_script_tag_is_shown_as_text():
    html = render("<script>alert(1)</script>")

    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


def test_an_img_tag_with_onerror_is_shown_as_text():
    html = render('<img src=x onerror="alert(1)">')

    assert "<img" not in html
    assert html.startswith("<p>&lt;img")


def test_inline_html_inside_a_paragraph_is_shown_as_text():
    html = render('Hello <span style="color:red" onclick="x()">there</span>')

    assert "<span" not in html
    assert "&lt;span" in html


def test_iframes_forms_and_inputs_in_the_input_are_shown_as_text():
    html = render('<iframe src="/x"></iframe>\n\n<form action="/y"><input type="text"></form>')

    assert {tag for tag, _ in tags_of(html)} == {"p"}


def test_only_allowlisted_tags_and_attributes_appear_in_a_rich_post():
    text = (
        "# Unit\n\n> quote\n\n| a | b |\n|:-:|---|\n| 1 | 2 |\n\n1. [x] done\n2. [ ] todo\n\n"
        "```js\nx\n```\n\n`code` **b** *i* ~~s~~ [l](https://e.org 't') ![i](/media/i.png)\n\n---\n"
        "line  \nbreak"
    )
    allowed = {
        "a": {"href", "title", "rel"},
        "img": {"src", "alt", "title", "loading"},
        "input": {"class", "type", "checked", "disabled"},
        "ol": {"class", "start"},
        **{tag: {"class"} for tag in ("code", "th", "td", "ul", "li")},
    }

    for tag, attrs in tags_of(render(text)):
        assert tag in ALLOWED_TAGS
        assert set(attrs) <= allowed.get(tag, set()), tag


# Limits and pathological input


def test_max_body_bytes_is_64_kib():
    assert MAX_BODY_BYTES == 65536


def test_64_kib_of_nested_quotes_renders():
    html = render(">" * MAX_BODY_BYTES)

    assert html.startswith("<blockquote>")


def test_64_kib_of_open_brackets_renders():
    html = render("[" * MAX_BODY_BYTES)

    assert html.startswith("<p>[[[")


def test_64_kib_of_nested_image_and_link_openers_renders():
    html = render("![[](" * (MAX_BODY_BYTES // 5))

    assert html.startswith("<p>")


def test_64_kib_of_deeply_nested_lists_and_emphasis_renders():
    text = "".join("  " * depth + "- *" for depth in range(200)) * 40

    assert render(text[:MAX_BODY_BYTES])


def test_mentions_in_64_kib_of_brackets_are_extracted_without_trouble():
    assert extract_mentions("[" * MAX_BODY_BYTES + " @sam") == ["sam"]


# Mentions


def test_mentions_are_returned_in_order_of_first_appearance():
    assert extract_mentions("@zoe asked @amir and @bo") == ["zoe", "amir", "bo"]


def test_a_handle_mentioned_twice_is_returned_once_as_first_written():
    assert extract_mentions("@Sam, @sam and @SAM again, @amir") == ["Sam", "amir"]


def test_handles_may_contain_dots_underscores_hyphens_and_digits():
    assert extract_mentions("@ms.lee @mr_o @jo-ann @teacher42") == [
        "ms.lee",
        "mr_o",
        "jo-ann",
        "teacher42",
    ]


def test_trailing_punctuation_is_not_part_of_a_handle():
    text = "Thanks @sam. Ask (@amir), @bo! @kim? @lee: @ana's idea, @tom-"

    assert extract_mentions(text) == ["sam", "amir", "bo", "kim", "lee", "ana", "tom"]


def test_email_addresses_are_not_mentions():
    assert extract_mentions("Mail sam@school.org or @amir@school.org") == []


def test_an_at_sign_after_a_word_character_is_not_a_mention():
    assert extract_mentions("x@sam 5@amir _@bo") == []


def test_handles_shorter_than_two_or_longer_than_forty_characters_are_ignored():
    assert extract_mentions(f"@a @{'b' * 41} @{'c' * 40}") == ["c" * 40]


def test_mentions_in_code_spans_and_code_blocks_are_ignored():
    text = "`@inline`\n\n    @indented\n\n```\n@fenced\n```\n\n@real"

    assert extract_mentions(text) == ["real"]


def test_mentions_in_link_text_and_urls_are_ignored():
    text = "[@linked](https://e.org) https://e.org/@profile ![@alt](/media/a.png)"

    assert extract_mentions(text) == []


def test_mentions_in_quoted_posts_are_ignored():
    assert extract_mentions("> @original said this\n\nI agree, @sam") == ["sam"]


def test_mentions_in_headings_tables_lists_and_emphasis_count():
    text = "# @head\n\n| @cell |\n|---|\n\n- [ ] ask @task\n\n**@bold**"

    assert extract_mentions(text) == ["head", "cell", "task", "bold"]


def test_text_without_mentions_gives_an_empty_list():
    assert extract_mentions("") == []
    assert extract_mentions("email @ me") == []


# Properties

METACHARACTERS = [
    *("<", ">", "&", '"', "'", "`", "```", "~~~", "\n", "\n\n", " ", "    ", "\\", "/", "="),
    *("[", "]", "(", ")", "![", "](", "*", "_", "~~", "|", "|-|", "#", "> ", "- ", "1. "),
    *("[ ] ", "[x] ", ":", ";", "&#", "&#106;", "x", "on", "click", "error", "style"),
    *("<script>", "</script>", "<img src=x onerror=alert(1)>", "<a href=", "<iframe", "<svg"),
    *("javascript:", "JaVaScRiPt:", "java\tscript:", "data:", "vbscript:", "mailto:"),
    *("https://", "http://", "www.", ".org", "/media/", "@sam", "style=", " onload=", "%2e"),
]
markdownish_text = st.one_of(
    st.lists(st.sampled_from(METACHARACTERS), max_size=40).map("".join),
    st.text(max_size=200),
)


def scheme_of(url: str) -> str:
    head = url.split(":", 1)[0] if ":" in url.split("/", 1)[0] else ""
    return "".join(head.split()).lower()


@settings(max_examples=300, deadline=None)
@given(markdownish_text)
def test_output_never_contains_scripts_event_handlers_styles_or_javascript_urls(text):
    html = render(text)

    assert "<script" not in html.lower()
    for tag, attrs in tags_of(html):
        assert tag in ALLOWED_TAGS
        for name, value in attrs.items():
            assert not name.startswith("on")
            assert name != "style"
            if name in URL_ATTRIBUTES:
                assert scheme_of(value or "") in {"", "http", "https", "mailto"}


@settings(max_examples=200, deadline=None)
@given(markdownish_text)
def test_mentions_are_always_well_formed_distinct_handles_shown_in_the_rendered_text(text):
    handles = extract_mentions(text)
    html = render(text)

    assert len({handle.casefold() for handle in handles}) == len(handles)
    for handle in handles:
        assert 2 <= len(handle) <= 40
        # Compared with the output, as entities such as &#106; are decoded before matching.
        assert f"@{handle}" in html
