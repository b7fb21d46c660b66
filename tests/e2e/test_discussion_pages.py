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
