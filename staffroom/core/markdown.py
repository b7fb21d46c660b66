"""The one place user text becomes HTML: CommonMark in, allowlisted HTML out.

Bodies are rendered once, at write time, and the HTML is stored next to the source.
Mentions become links only for the handles the caller resolved and passes in, so an
unknown @name stays plain text.
"""

import re

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin

__all__ = ["MAX_BODY_BYTES", "count_images", "extract_mentions", "render"]

# Enforced by the services that store bodies, not by render(), so one message covers every path.
MAX_BODY_BYTES = 64 * 1024

# Pages own <h1> and <h2>; user headings start two levels down and never pass <h6>.
_DEMOTED_HEADINGS = {f"h{level}": f"h{min(level + 2, 6)}" for level in range(1, 7)}
# markdown-it aligns table cells with style=, which the sanitiser refuses; a class carries it.
_ALIGN_CLASSES = {f"text-align:{side}": f"align-{side}" for side in ("left", "center", "right")}
_COUNTRY_ZONES = ("au", "ca", "ie", "in", "io", "nz", "uk", "us", "za")
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# No ".." (plain or percent-encoded) after /media/, so an image cannot reach another local URL.
_IMAGE_SRC = re.compile(r"^(?:https?://|/media/(?!.*(?:\.|%2e){2}))", re.IGNORECASE)
_LANGUAGE_CLASS = re.compile(r"^language-[A-Za-z0-9_+-]+$")
# A handle starts and ends with a letter, digit or underscore, so "thanks @sam." means "sam";
# the lookahead refuses to cut a longer handle short, or an address such as @sam@example.org.
_MENTION = re.compile(r"(?<![\w@])@(\w[\w.-]{0,38}\w)(?![\w@]|[.-]\w)")

_TAGS = {
    *("p", "br", "hr", "blockquote", "pre", "code", "strong", "em", "s", "a", "img"),
    *("h3", "h4", "h5", "h6", "ul", "ol", "li", "label", "input"),
    *("table", "thead", "tbody", "tr", "th", "td"),
}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "code": {"class"},
}
# Fixed class values are listed here; the code class and image sources go through _keep_attribute.
_ATTRIBUTE_VALUES = {
    "a": {"class": {"mention"}},
    "th": {"class": set(_ALIGN_CLASSES.values())},
    "td": {"class": set(_ALIGN_CLASSES.values())},
    "ul": {"class": {"contains-task-list"}},
    "ol": {"class": {"contains-task-list"}},
    "li": {"class": {"task-list-item"}},
    "input": {
        "class": {"task-list-item-checkbox"},
        "type": {"checkbox"},
        "checked": {"checked"},
        "disabled": {"disabled"},
    },
}
# Forced on every match, so a task-list checkbox can never become a live form control.
_FORCED_ATTRIBUTES = {
    "input": {"type": "checkbox", "disabled": "disabled"},
    "img": {"loading": "lazy"},
}


def _is_allowed_link(url: str) -> bool:
    """Accept scheme-less (relative) URLs and the http, https and mailto schemes."""
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(1).lower() in _LINK_SCHEMES


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop code classes that are not a plain language name and images from elsewhere."""
    if tag == "code" and attribute == "class":
        return value if _LANGUAGE_CLASS.match(value) else None
    if tag == "img" and attribute == "src":
        return value if _IMAGE_SRC.match(value) else None
    return value


def _tidy_tokens(state: StateCore) -> None:
    """Demote headings, move table alignment to classes and turn refused images into text."""
    for token in state.tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = _DEMOTED_HEADINGS[token.tag]
        elif token.type in ("th_open", "td_open") and "style" in token.attrs:
            align = _ALIGN_CLASSES.get(str(token.attrs.pop("style")))
            if align:
                token.attrs["class"] = align
        elif token.type == "inline" and token.children:
            children = [_image_or_alt(child) for child in token.children]
            mentions = state.env.get("mentions")
            token.children = _link_mentions(children, mentions) if mentions else children


def _image_or_alt(token: Token) -> Token:
    """Replace an image that is not on http(s) or under /media/ with its alt text."""
    if token.type != "image" or _IMAGE_SRC.match(str(token.attrs.get("src", ""))):
        return token
    return Token("text", "", 0, content=token.content)


def _link_mentions(children: list[Token], mentions: dict[str, str]) -> list[Token]:
    """Turn @handles the caller resolved into profile links; text inside links stays as it is."""
    result: list[Token] = []
    link_depth = 0
    for child in children:
        if child.type == "link_open":
            link_depth += 1
        elif child.type == "link_close":
            link_depth -= 1
        if child.type != "text" or link_depth:
            result.append(child)
            continue
        start = 0
        for match in _MENTION.finditer(child.content):
            url = mentions.get(match.group(1).casefold())
            if url is None:
                continue
            result.append(Token("text", "", 0, content=child.content[start : match.start()]))
            link = Token("link_open", "a", 1, attrs={"href": url, "class": "mention"})
            result += [link, Token("text", "", 0, content=match.group(0))]
            result.append(Token("link_close", "a", -1))
            start = match.end()
        result.append(Token("text", "", 0, content=child.content[start:]) if start else child)
    return result


def _build_parser() -> MarkdownIt:
    """Configure CommonMark with tables, strikethrough, task lists and bare-URL links."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": True, "xhtmlOut": False})
    parser.enable(["table", "strikethrough", "linkify"])
    # The wrapping <label> names each disabled checkbox for assistive technology, with no ids.
    parser.use(tasklists_plugin, label=True)
    # Schemeless hosts link only on these zones, so file names like notes.md and plan.py stay text.
    parser.linkify.tlds([*parser.linkify.tlds_default, *_COUNTRY_ZONES])
    parser.linkify.add("ftp:", None).add("//", None)
    parser.validateLink = _is_allowed_link
    parser.core.ruler.push("staffroom_tidy", _tidy_tokens)
    return parser


_parser = _build_parser()
_cleaner = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    attribute_filter=_keep_attribute,
    tag_attribute_values=_ATTRIBUTE_VALUES,
    set_tag_attribute_values=_FORCED_ATTRIBUTES,
    url_schemes=set(_LINK_SCHEMES),
    link_rel="nofollow ugc noopener",
)


def render(text: str, *, mentions: dict[str, str] | None = None) -> str:
    """Render Markdown to sanitised HTML; raw HTML in the input is shown as text.

    ``mentions`` maps casefolded handles to profile URLs; those @handles become links.
    """
    return _cleaner.clean(_parser.render(text, {"mentions": mentions or {}}))


def count_images(text: str) -> int:
    """Count the images a body would show, so services can limit them."""
    return sum(
        1
        for block in _parser.parse(text)
        for child in block.children or ()
        if child.type == "image"
    )


def extract_mentions(text: str) -> list[str]:
    """Return the distinct @handles in text, in order, outside code, links, quotes and addresses."""
    handles: dict[str, str] = {}
    quote_depth = 0
    for block in _parser.parse(text):
        # A quoted post keeps its own author's mentions; quoting it notifies nobody again.
        quote_depth += {"blockquote_open": 1, "blockquote_close": -1}.get(block.type, 0)
        if block.type != "inline" or not block.children or quote_depth:
            continue
        for match in _MENTION.finditer(_plain_text(block.children)):
            handles.setdefault(match.group(1).casefold(), match.group(1))
    return list(handles.values())


def _plain_text(children: list[Token]) -> str:
    """Join the text outside code and links, with a line break wherever anything else stood."""
    parts: list[str] = []
    link_depth = 0
    for child in children:
        if child.type == "link_open":
            link_depth += 1
        elif child.type == "link_close":
            link_depth -= 1
        # Adjacent text tokens join with nothing between, so "x@sam" stays one word.
        parts.append(child.content if child.type == "text" and not link_depth else "\n")
    return "".join(parts)
