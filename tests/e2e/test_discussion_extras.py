"""Tags, images, the Top and Your tags lists, thanks in place, quoting and @mentions."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from staffroom.communities.services import community_join
from staffroom.discussions import services, tags
from staffroom.discussions.models import Thread
from tests.e2e.axe import assert_accessible_in_both_schemes
from tests.e2e.steps import sign_in
from tests.factories.accounts import UserFactory

TAG = "fraction walls"
TITLE = "Our fraction wall, a term in"
IMAGE_DESCRIPTION = "Photo of a paper fraction wall on the classroom wall"


def png_bytes(width: int = 120, height: int = 80) -> bytes:
    """A small, genuine PNG, made in memory."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def assert_image_loaded(page: Page, image: Locator) -> None:
    """Fail unless the browser fetched and decoded the image (lazy images are scrolled to)."""
    image.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=image.element_handle())
    assert image.evaluate("img => img.naturalWidth") > 0, "The image did not load."


def opening_post(page: Page, author: str) -> Locator:
    return page.get_by_role("article", name=author).first


@pytest.fixture
def members(directory):
    """Amara and Bongani, both members of Ratio talk."""
    amara = UserFactory(email="amara@example.org", display_name="Amara Okafor")
    bongani = UserFactory(email="bongani@example.org", display_name="Bongani Dlamini")
    for member in (amara, bongani):
        community_join(user=member, community=directory.ratios)
    return amara, bongani


@pytest.fixture
def tagged_thread(directory, members) -> Thread:
    """A thread Amara started with the steward's tag."""
    community = directory.ratios
    tag = tags.tag_create(actor=directory.steward, community=community, name=TAG)
    return services.thread_create(
        author=members[0],
        community=community,
        space=community.spaces.first(),
        title=TITLE,
        body="We built it together.\nEvery pupil added a strip.",
        tags=[tag],
    )


@pytest.mark.e2e
def test_a_steward_adds_a_tag_in_the_tag_manager(new_context, directory):
    community = directory.ratios
    page = new_context().new_page()
    sign_in(page, "sam.rivera@example.org")

    page.goto(f"/c/{community.slug}/manage/tags/")
    expect(page.get_by_role("heading", name="Tags", level=1)).to_be_visible()
    expect(page.get_by_text("No tags yet.")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.get_by_label("Tag name").fill(TAG)
    page.get_by_role("button", name="Add tag").click()

    expect(page.get_by_role("status")).to_contain_text(f"Tag “{TAG}” added.")
    listed = page.get_by_role("main").get_by_role("listitem").filter(has_text=f"#{TAG}")
    expect(listed).to_have_count(1)
    expect(listed.get_by_role("link", name="0 threads")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    listed.get_by_role("link", name=f"Delete {TAG}").click()
    expect(page.get_by_role("heading", name=f"Delete the tag “{TAG}”?", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Delete tag")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    # Cancelling keeps the tag.
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", name="Tags", level=1)).to_be_visible()
    expect(listed).to_have_count(1)


@pytest.mark.e2e
def test_a_member_starts_a_thread_with_a_tag_a_subject_and_an_image(
    new_context, directory, members
):
    community = directory.ratios
    tags.tag_create(actor=directory.steward, community=community, name=TAG)
    page = new_context().new_page()
    sign_in(page, "amara@example.org")

    page.goto(f"/c/{community.slug}/new/")
    expect(page.get_by_role("heading", name="Start a thread", level=1)).to_be_visible()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Message").fill("We built it together. Every pupil added a strip.")
    page.get_by_label(re.compile(r"^Images \(optional\)")).set_input_files(
        {"name": "wall.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    page.get_by_label("Describe the images (optional)").fill(IMAGE_DESCRIPTION)
    page.get_by_role("checkbox", name=TAG).check()
    page.get_by_text("Subjects and grade bands").click()
    page.get_by_role("checkbox", name="Mathematics").check()
    page.get_by_role("checkbox", name="Grades 6–8").check()
    page.get_by_role("button", name="Post thread").click()

    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    image = opening_post(page, "Amara Okafor").get_by_role("img", name=IMAGE_DESCRIPTION)
    expect(image).to_be_visible()
    assert_image_loaded(page, image)
    expect(page.get_by_role("link", name=f"#{TAG}", exact=True)).to_have_attribute(
        "href", re.compile(r"\?tag=fraction-walls$")
    )
    expect(page.get_by_role("link", name="Mathematics", exact=True)).to_have_attribute(
        "href", re.compile(r"\?subject=mathematics$")
    )
    expect(page.get_by_role("link", name="Grades 6–8", exact=True)).to_have_attribute(
        "href", re.compile(r"\?grade=6-8$")
    )
    assert_accessible_in_both_schemes(page)

    # The subject badge lists the thread among the community's mathematics threads.
    page.get_by_role("link", name="Mathematics", exact=True).click()
    expect(page.get_by_role("heading", name="Discussions", level=1)).to_be_visible()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


@pytest.mark.e2e
def test_a_member_follows_a_tag_and_finds_its_threads_under_your_tags(
    new_context, directory, tagged_thread
):
    community = directory.ratios
    page = new_context().new_page()
    sign_in(page, "bongani@example.org")

    page.goto(f"/c/{community.slug}/threads/?show=following")
    expect(page.get_by_text("No threads with the tags you follow yet.")).to_be_visible()

    page.goto(f"/c/{community.slug}/threads/?tag=fraction-walls")
    expect(page.get_by_text(f"Threads tagged #{TAG}")).to_be_visible()
    follow = page.get_by_role("button", name=f"Follow #{TAG}")
    expect(follow).to_have_attribute("aria-pressed", "false")
    follow.click()

    expect(page.get_by_role("status")).to_contain_text(f"You follow #{TAG}")
    expect(page.get_by_role("button", name=f"Follow #{TAG}")).to_have_attribute(
        "aria-pressed", "true"
    )

    shown = page.get_by_role("navigation", name="Show")
    shown.get_by_role("link", name="Your tags").click()
    expect(page).to_have_url(re.compile(r"\?show=following$"))
    expect(shown.get_by_role("link", name="Your tags")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible_in_both_schemes(page)

    shown.get_by_role("link", name="Top").click()
    expect(page).to_have_url(re.compile(r"\?show=top&period=month$"))
    periods = page.get_by_role("navigation", name="Period")
    expect(periods.get_by_role("link", name="This month")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible_in_both_schemes(page)

    periods.get_by_role("link", name="All time").click()
    expect(periods.get_by_role("link", name="All time")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


@pytest.mark.e2e
def test_thanks_updates_in_place_and_a_quoted_reply_mentions_the_author(
    new_context, directory, members, tagged_thread
):
    amara, _bongani = members
    handle = amara.profile.handle
    bongani = new_context().new_page()
    sign_in(bongani, "bongani@example.org")

    bongani.goto(tagged_thread.get_absolute_url())
    expect(bongani.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    post = opening_post(bongani, "Amara Okafor")
    thanks = post.get_by_role("button", name="Thanks")
    expect(thanks).to_have_attribute("aria-pressed", "false")
    bongani.evaluate("window.__marker = 1")
    thanks.click()

    expect(post.get_by_text("1 thanks")).to_be_visible()
    expect(thanks).to_have_attribute("aria-pressed", "true")
    assert bongani.evaluate("window.__marker") == 1, "Thanks reloaded the whole page."
    expect(bongani).to_have_url(re.compile(rf"/t/{tagged_thread.pk}/$"))
    assert_accessible_in_both_schemes(bongani)

    post.get_by_role("link", name="Quote").click()
    expect(bongani.get_by_role("heading", name="Reply", level=1)).to_be_visible()
    expect(bongani).to_have_url(re.compile(r"/reply/\?quote=1$"))
    body = bongani.get_by_label("Your reply")
    expect(body).to_have_value(re.compile(r"^> We built it together\.$", re.MULTILINE))
    expect(body).to_have_value(re.compile(r"^> Every pupil added a strip\.$", re.MULTILINE))
    assert_accessible_in_both_schemes(bongani)

    quoted = body.input_value()
    body.fill(f"{quoted}@{handle} how long did the strips stay up?")
    bongani.get_by_role("button", name="Post reply").click()

    reply = bongani.get_by_role("article", name="Bongani Dlamini")
    expect(reply).to_contain_text("how long did the strips stay up?")
    expect(reply.get_by_role("blockquote")).to_contain_text("Every pupil added a strip.")
    expect(reply.get_by_role("link", name=f"@{handle}").first).to_have_attribute(
        "href", f"/people/{amara.pk}/"
    )

    page = new_context().new_page()
    sign_in(page, "amara@example.org")
    page.goto("/notifications/")
    expect(page.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    note = page.get_by_role("main").get_by_role("listitem").filter(has_text=TITLE)
    expect(note).to_have_count(1)
    expect(note).to_contain_text("Bongani Dlamini mentioned you in")
    assert_accessible_in_both_schemes(page)


@pytest.mark.e2e
def test_thanks_works_without_javascript(new_context, directory, members, tagged_thread):
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, "bongani@example.org")

    page.goto(tagged_thread.get_absolute_url())
    post = opening_post(page, "Amara Okafor")
    thanks = post.get_by_role("button", name="Thanks")
    expect(thanks).to_have_attribute("aria-pressed", "false")
    with page.expect_navigation():
        thanks.click()

    expect(page).to_have_url(re.compile(rf"/t/{tagged_thread.pk}/#post-1$"))
    expect(post.get_by_text("1 thanks")).to_be_visible()
    expect(post.get_by_role("button", name="Thanks")).to_have_attribute("aria-pressed", "true")


@pytest.mark.e2e
def test_a_keyboard_user_keeps_focus_on_thanks_after_the_in_place_update(
    new_context, directory, members, tagged_thread
):
    page = new_context().new_page()
    sign_in(page, "bongani@example.org")
    page.goto(tagged_thread.get_absolute_url())
    post = opening_post(page, "Amara Okafor")
    post.get_by_role("button", name="Thanks").focus()

    page.keyboard.press("Enter")

    expect(post.get_by_text("1 thanks")).to_be_visible()
    expect(post.get_by_role("button", name="Thanks")).to_be_focused()
