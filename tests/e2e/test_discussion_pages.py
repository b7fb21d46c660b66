"""Every discussion page a member and a moderator meet passes axe-core in both schemes."""

import pytest
from playwright.sync_api import expect

from staffroom.communities.services import community_join
from staffroom.discussions import services
from staffroom.discussions.models import ThreadKind
from tests.e2e.axe import assert_accessible_in_both_schemes
from tests.e2e.steps import sign_in
from tests.factories.accounts import UserFactory


@pytest.mark.e2e
def test_a_question_with_answers_reactions_and_history_is_accessible(new_context, directory):
    community = directory.ratios
    member = UserFactory(email="amara@example.org", display_name="Amara Okafor")
    community_join(user=member, community=community)
    question = services.thread_create(
        author=member,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title="How do I introduce ratio tables?",
        body="My **year 7** class mixes up the columns.\n\n- [x] tried bar models\n- [ ] try tables",
    )
    answer = services.post_create(
        author=directory.steward,
        thread=question,
        body="> mixes up the columns\n\nLabel every column with its unit first.",
    )
    services.answer_accept(user=member, post=answer, label="grade 7")
    services.reaction_toggle(user=member, post=answer, kind="tried")
    services.post_edit(editor=directory.steward, post=answer, body="Label each column first.")
    page = new_context().new_page()
    sign_in(page, "amara@example.org")

    for path, heading in [
        (f"/c/{community.slug}/threads/", "Discussions"),
        (f"/c/{community.slug}/threads/?show=solved", "Discussions"),
        (f"/c/{community.slug}/s/{question.space.slug}/", question.space.name),
        (question.get_absolute_url(), question.title),
        (f"{question.get_absolute_url()}?sort=oldest", question.title),
        (f"{question.get_absolute_url()}p/2/history/", "Edit history"),
        (f"/c/{community.slug}/new/", "Start a thread"),
        ("/search/?q=ratio", "Search"),
        ("/notifications/", "Notifications"),
    ]:
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        assert_accessible_in_both_schemes(page)


@pytest.mark.e2e
def test_a_member_asks_a_question_and_sees_similar_ones_as_they_type(new_context, directory):
    community = directory.ratios
    services.thread_create(
        author=directory.steward,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title="Ratio tables or double number lines first?",
        body="Which do you teach first?",
    )
    page = new_context().new_page()
    sign_in(page, "sam.rivera@example.org")
    page.goto(f"/c/{community.slug}/new/")

    page.get_by_label("Question").check()
    page.get_by_label("Title").fill("When should ratio tables come in?")
    expect(page.locator("#similar-questions")).to_contain_text("double number lines")
    page.get_by_label("Message").fill("I teach year 7 and want a sequence.")
    page.get_by_role("button", name="Post thread").click()

    expect(page.get_by_role("heading", name="When should ratio tables come in?")).to_be_visible()
    assert_accessible_in_both_schemes(page)


@pytest.mark.e2e
def test_a_question_is_asked_answered_accepted_and_its_answerer_told(new_context, directory):
    """The whole question journey, for two members in two browsers, axe-clean throughout."""
    community = directory.ratios
    asker = UserFactory(email="amara@example.org", display_name="Amara Okafor")
    answerer = UserFactory(email="bongani@example.org", display_name="Bongani Dlamini")
    for member in (asker, answerer):
        community_join(user=member, community=community)
    services.thread_create(
        author=directory.steward,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title="Ratio tables or double number lines first?",
        body="Which do you teach first?",
    )
    title = "When should ratio tables come in?"
    amara = new_context().new_page()
    sign_in(amara, "amara@example.org")
    bongani = new_context().new_page()
    sign_in(bongani, "bongani@example.org")

    # Amara asks, and is shown the question already asked while she types the title.
    amara.goto(f"/c/{community.slug}/new/")
    expect(amara.get_by_role("heading", name="Start a thread", level=1)).to_be_visible()
    amara.get_by_label("Question").check()
    amara.get_by_label("Title").fill(title)
    similar = amara.locator("#similar-questions")
    expect(similar).to_contain_text("Similar questions already asked here:")
    expect(
        similar.get_by_role("link", name="Ratio tables or double number lines first?")
    ).to_be_visible()
    assert_accessible_in_both_schemes(amara)
    amara.get_by_label("Message").fill("I teach year 7 and want a sequence.")
    amara.get_by_role("button", name="Post thread").click()
    expect(amara.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(amara.get_by_text("Unsolved", exact=True)).to_be_visible()
    assert_accessible_in_both_schemes(amara)
    question_url = amara.url

    # Bongani answers it.
    bongani.goto(question_url)
    expect(bongani.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(bongani.get_by_text("No replies yet.")).to_be_visible()
    bongani.get_by_label("Your reply").fill("Start with tables once they can double a recipe.")
    bongani.get_by_role("button", name="Post reply").click()
    answers = bongani.get_by_role("region", name="Answers")
    answer = answers.get_by_role("article", name="Bongani Dlamini")
    expect(answer).to_contain_text("Start with tables once they can double a recipe.")
    assert_accessible_in_both_schemes(bongani)

    # Amara sees the answer and accepts it for grade 3.
    amara.reload()
    answer = amara.get_by_role("region", name="Answers").get_by_role(
        "article", name="Bongani Dlamini"
    )
    expect(answer).to_contain_text("Start with tables once they can double a recipe.")
    answer.get_by_text("Mark as an accepted answer").click()
    answer.get_by_label("Works for… (optional)").fill("for grade 3")
    answer.get_by_role("button", name="Accept", exact=True).click()
    expect(amara.get_by_text("Marked as an accepted answer.")).to_be_visible()
    answer = amara.get_by_role("region", name="Answers").get_by_role(
        "article", name="Bongani Dlamini"
    )
    expect(answer.get_by_text("Accepted answer: for grade 3")).to_be_visible()
    expect(amara.get_by_text("Solved", exact=True)).to_be_visible()
    what_worked = amara.get_by_role("region", name="What worked: accepted answers")
    expect(what_worked.get_by_role("link", name="Answer by Bongani Dlamini")).to_be_visible()
    expect(what_worked).to_contain_text("for grade 3")
    assert_accessible_in_both_schemes(amara)

    # The question is listed as solved.
    amara.goto(f"/c/{community.slug}/threads/?show=solved")
    expect(amara.get_by_role("heading", name="Discussions", level=1)).to_be_visible()
    listed = amara.get_by_role("listitem").filter(has=amara.get_by_role("link", name=title))
    expect(listed).to_have_count(1)
    expect(listed.get_by_text("Solved", exact=True)).to_be_visible()
    assert_accessible_in_both_schemes(amara)

    # Bongani is told, with an unread count in the header.
    bongani.goto("/notifications/")
    expect(bongani.get_by_role("heading", name="Notifications", level=1)).to_be_visible()
    header = bongani.get_by_role("navigation", name="Main")
    expect(header.get_by_role("link", name="Notifications 1 unread")).to_be_visible()
    note = bongani.get_by_role("main").get_by_role("listitem").filter(has_text=title)
    expect(note).to_have_count(1)
    expect(note).to_contain_text("New")
    expect(note).to_contain_text("Amara Okafor accepted your answer in")
    assert_accessible_in_both_schemes(bongani)

    # The notification leads to the accepted answer, and opening it marks it read.
    note.get_by_role("link", name=title).click()
    expect(bongani.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(
        bongani.get_by_role("article", name="Bongani Dlamini").get_by_text(
            "Accepted answer: for grade 3"
        )
    ).to_be_visible()
    bongani.goto("/notifications/")
    expect(header.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    expect(note).not_to_contain_text("New")


@pytest.mark.e2e
def test_the_thread_a_notification_opens_shows_the_count_already_cleared(new_context, directory):
    community = directory.ratios
    asker = UserFactory(email="amara@example.org", display_name="Amara Okafor")
    answerer = UserFactory(email="bongani@example.org", display_name="Bongani Dlamini")
    for member in (asker, answerer):
        community_join(user=member, community=community)
    question = services.thread_create(
        author=asker,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title="When should ratio tables come in?",
        body="I teach year 7 and want a sequence.",
    )
    answer = services.post_create(
        author=answerer, thread=question, body="Once they can double a recipe."
    )
    services.answer_accept(user=asker, post=answer, label="grade 3")
    page = new_context().new_page()
    sign_in(page, "bongani@example.org")
    header = page.get_by_role("navigation", name="Main")

    page.goto("/notifications/")
    expect(header.get_by_role("link", name="Notifications 1 unread")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name=question.title).click()

    expect(page.get_by_role("heading", name=question.title, level=1)).to_be_visible()
    expect(header.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
