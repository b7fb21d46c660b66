"""Top threads by period, subject and grade filters, following tags, quoting, live reactions."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from staffroom.communities.models import Visibility
from staffroom.core.errors import ServiceError
from staffroom.core.models import GradeBand, Subject
from staffroom.core.vocabulary import seed
from staffroom.discussions import selectors, services
from staffroom.discussions.models import ReactionKind, Tag, TagFollow, Thread, ThreadFollow
from staffroom.notifications.models import Notification, NotificationKind
from tests.discussions.builders import a_community, a_member, a_reply, a_thread, fresh, post_at
from tests.factories.accounts import UserFactory
from tests.pages import text

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [thread.title for thread in response.context["page"].items]


def test_top_lists_the_most_active_threads_of_the_period(client, community, member, other):
    quiet = a_thread(community, member, title="Quiet one")
    busy = a_thread(community, member, title="Busy one")
    for _ in range(3):
        a_reply(busy, other)
    thanked = a_thread(community, member, title="Thanked one")
    services.reaction_toggle(user=other, post=post_at(thanked, 1), kind=ReactionKind.TRIED)
    old = a_thread(community, member, title="Old favourite")
    for _ in range(5):
        a_reply(old, other)
    Thread.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))

    month = client.get(f"/c/{community.slug}/threads/?show=top&period=month")
    year = client.get(f"/c/{community.slug}/threads/?show=top&period=year")

    assert titles(month) == ["Busy one", "Thanked one", "Quiet one"]
    assert titles(year)[0] == "Old favourite"
    assert fresh(quiet).score == 0
    assert fresh(busy).score == 3


def test_a_thread_score_follows_hiding_and_votes(question, member, other, moderator):
    answer = a_reply(question, other)
    services.vote_set(user=member, post=fresh(answer), value=1)
    assert fresh(question).score == 2

    services.post_hide(moderator=moderator, post=fresh(answer), reason="Off topic")
    assert fresh(question).score == 0


def test_an_unknown_period_falls_back_to_the_month(client, community, member):
    a_thread(community, member, title="Recent")

    response = client.get(f"/c/{community.slug}/threads/?show=top&period=%00decade")

    assert response.status_code == 200
    assert response.context["period"] == "month"


def test_top_pages_onwards_with_a_cursor(client, community, member):
    for n in range(35):
        a_thread(community, member, title=f"Thread {n}")

    first = client.get(f"/c/{community.slug}/threads/?show=top")
    cursor = first.context["page"].next_cursor
    second = client.get(f"/c/{community.slug}/threads/?show=top&after={cursor}")

    assert len(titles(first)) == 30
    assert len(titles(second)) == 5
    assert not set(titles(first)) & set(titles(second))


def test_threads_carry_subjects_and_grade_bands_and_filter_by_them(client, community, member):
    seed(overwrite=False)
    maths = Subject.objects.get(slug="mathematics")
    primary = GradeBand.objects.order_by("position").first()
    talks = a_thread(
        community, member, title="Number talks", subjects=[maths], grade_bands=[primary]
    )
    a_thread(community, member, title="Poetry slam")

    by_subject = client.get(f"/c/{community.slug}/threads/?subject=mathematics")
    by_grade = client.get(f"/c/{community.slug}/threads/?grade={primary.slug}")
    unknown = client.get(f"/c/{community.slug}/threads/?subject=alchemy")

    assert titles(by_subject) == ["Number talks"]
    assert titles(by_grade) == ["Number talks"]
    assert titles(unknown) == []
    page = text(client.get(talks.get_absolute_url()))
    assert f'?subject=mathematics">{maths}</a>' in page
    assert f'?grade={primary.slug}">{primary}</a>' in page


def test_the_thread_form_saves_subjects_and_grade_bands(client, community, member):
    seed(overwrite=False)
    maths = Subject.objects.get(slug="mathematics")
    band = GradeBand.objects.order_by("position").first()
    client.force_login(member)

    response = client.post(
        f"/c/{community.slug}/new/",
        {
            "kind": "discussion",
            "space": community.spaces.first().pk,
            "title": "Fluency games",
            "body": "Share yours.",
            "subjects": [maths.pk],
            "grade_bands": [band.pk],
        },
    )

    assert response.status_code == 302
    thread = Thread.objects.get(title="Fluency games")
    assert list(thread.subjects.all()) == [maths]
    assert list(thread.grade_bands.all()) == [band]


def test_the_thread_form_refuses_unknown_subjects(client, community, member):
    client.force_login(member)

    response = client.post(
        f"/c/{community.slug}/new/",
        {
            "kind": "discussion",
            "space": community.spaces.first().pk,
            "title": "Fluency games",
            "body": "Share yours.",
            "subjects": ["999999", "abc"],
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["subjects"]
    assert not Thread.objects.filter(title="Fluency games").exists()


@pytest.fixture
def tag(community):
    return Tag.objects.create(community=community, slug="phonics", name="phonics")


def test_following_a_tag_notifies_of_new_threads_with_it(
    client, community, member, other, tag, django_capture_on_commit_callbacks
):
    client.force_login(other)
    response = client.post(f"/c/{community.slug}/tags/phonics/follow/", {"follow": "1"})
    assert response.status_code == 302
    assert TagFollow.objects.filter(user=other, tag=tag).exists()

    with django_capture_on_commit_callbacks(execute=True):
        thread = a_thread(community, member, title="Blending games", tags=[tag])
        a_thread(community, member, title="Untagged")

    [note] = Notification.objects.filter(user=other)
    assert note.kind == NotificationKind.TAG
    assert note.thread_id == thread.pk
    # The author follows nothing and hears nothing about their own thread.
    assert not Notification.objects.filter(user=member).exists()


def test_the_your_tags_list_shows_followed_tags_only(client, community, member, other, tag):
    services.tag_follow_set(user=other, tag=tag, follow=True)
    a_thread(community, member, title="Blending games", tags=[tag])
    a_thread(community, member, title="Untagged")
    client.force_login(other)

    response = client.get(f"/c/{community.slug}/threads/?show=following")

    assert titles(response) == ["Blending games"]
    assert "Your tags" in text(response)


def test_a_thread_under_two_followed_tags_is_listed_once(client, community, member, other, tag):
    second = Tag.objects.create(community=community, name="Blending", slug="blending")
    for followed in (tag, second):
        services.tag_follow_set(user=other, tag=followed, follow=True)
    a_thread(community, member, title="Blending games", tags=[tag, second])
    client.force_login(other)

    response = client.get(f"/c/{community.slug}/threads/?show=following")

    assert titles(response) == ["Blending games"]


def test_an_unfiltered_list_is_not_made_distinct(client, community, member, other):
    a_thread(community, member, title="Blending games")
    client.force_login(other)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/c/{community.slug}/threads/")

    # DISTINCT would make the database read the reader's follow state for every thread
    # before sorting; an unfiltered list has nothing to repeat a thread.
    assert titles(response) == ["Blending games"]
    thread_queries = [
        q["sql"] for q in captured.captured_queries if "discussions_thread" in q["sql"]
    ]
    assert thread_queries and not any("DISTINCT" in sql for sql in thread_queries)


def test_unfollowing_a_tag(client, community, other, tag):
    services.tag_follow_set(user=other, tag=tag, follow=True)
    client.force_login(other)

    page = client.get(f"/c/{community.slug}/threads/?tag=phonics")
    assert 'aria-pressed="true">Follow #phonics</button>' in text(page)
    client.post(f"/c/{community.slug}/tags/phonics/follow/", {"follow": "0"})

    assert not TagFollow.objects.exists()


def test_tags_of_a_private_community_cannot_be_followed_from_outside(client, steward):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    secret_tag = Tag.objects.create(community=private, slug="secret", name="secret")
    outsider = UserFactory()

    with pytest.raises(ServiceError):
        services.tag_follow_set(user=outsider, tag=secret_tag, follow=True)
    client.force_login(outsider)
    response = client.post(f"/c/{private.slug}/tags/secret/follow/", {"follow": "1"})

    # The community is listed but its content is for members: refused, as its thread list is.
    assert response.status_code == 403
    assert not TagFollow.objects.exists()


def test_a_tag_follower_who_left_a_private_community_hears_nothing(
    steward, django_capture_on_commit_callbacks
):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    tag = Tag.objects.create(community=private, slug="secret", name="secret")
    leaver = a_member(private, name="Leaver")
    services.tag_follow_set(user=leaver, tag=tag, follow=True)
    private.memberships.filter(user=leaver).delete()

    with django_capture_on_commit_callbacks(execute=True):
        a_thread(private, steward, tags=[tag])

    assert not Notification.objects.filter(user=leaver).exists()


def test_an_unknown_tag_cannot_be_followed(client, community, member):
    client.force_login(member)

    assert client.post(f"/c/{community.slug}/tags/nope/follow/", {"follow": "1"}).status_code == 404


def test_the_quote_link_starts_a_reply_with_the_quoted_post(client, thread, member, other):
    from staffroom.accounts.models import Profile

    profile = Profile.objects.get(user=member)
    profile.handle = "mia"
    profile.save()
    client.force_login(other)

    page = client.get(f"/c/{thread.community.slug}/t/{thread.pk}/")
    assert f"/t/{thread.pk}/reply/?quote=1" in page.content.decode()
    response = client.get(f"/c/{thread.community.slug}/t/{thread.pk}/reply/?quote=1")

    body = response.context["form"]["body"].value()
    assert body.startswith("@mia [wrote](")
    assert "> I have Year 1 and Year 2 together this term." in body


@pytest.mark.parametrize("quote", ["99", "abc", "", "-1", "1%00"])
def test_a_bad_quote_gives_an_empty_reply_form(client, thread, other, quote):
    client.force_login(other)

    response = client.get(f"/c/{thread.community.slug}/t/{thread.pk}/reply/?quote={quote}")

    assert response.status_code == 200
    assert not response.context["form"]["body"].value()


def test_non_members_cannot_open_the_reply_form(client, thread):
    client.force_login(UserFactory())

    assert client.get(f"/c/{thread.community.slug}/t/{thread.pk}/reply/").status_code == 404


def test_a_reaction_through_htmx_returns_the_refreshed_actions(client, thread, member, other):
    client.force_login(other)
    url = f"/c/{thread.community.slug}/t/{thread.pk}/p/1/react/"

    response = client.post(url, {"kind": "tried"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<footer class="post-actions" id="post-1-actions"')
    assert "Tried by 1 teacher" in html
    assert 'aria-pressed="true"' in html


def test_a_refused_reaction_through_htmx_says_why(client, thread, member):
    client.force_login(member)  # the author cannot react to their own post
    url = f"/c/{thread.community.slug}/t/{thread.pk}/p/1/react/"

    response = client.post(url, {"kind": "thanks"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "You cannot react to your own post." in response.content.decode()


def test_a_vote_through_htmx_toggles_back_to_nothing(client, question, member, other):
    answer = a_reply(question, other)
    client.force_login(member)
    url = f"/c/{question.community.slug}/t/{question.pk}/p/{answer.position}/vote/"

    up = client.post(url, {"value": "1"}, headers={"HX-Request": "true"}).content.decode()
    assert "Score 1" in up
    assert 'name="value" value="0"' in up
    client.post(url, {"value": "0"}, headers={"HX-Request": "true"})

    assert fresh(answer).score == 0


def test_reading_a_public_thread_as_a_visitor_keeps_no_read_state(client, thread):
    visitor = UserFactory()
    client.force_login(visitor)

    client.get(f"/c/{thread.community.slug}/t/{thread.pk}/")

    assert not ThreadFollow.objects.filter(user=visitor).exists()


def test_a_member_reading_a_thread_gets_read_state(client, thread, other):
    client.force_login(other)

    client.get(f"/c/{thread.community.slug}/t/{thread.pk}/")

    assert ThreadFollow.objects.get(user=other, thread=thread).last_read_position == 1


def test_a_tag_with_accents_filters_and_can_be_followed(client, community, member, other):
    tag = Tag.objects.create(community=community, slug="lecture-à-voix-haute", name="lecture")
    a_thread(community, member, title="Lire ensemble", tags=[tag])
    a_thread(community, member, title="Autre chose")
    client.force_login(other)

    listed = client.get(f"/c/{community.slug}/threads/?tag=lecture-à-voix-haute")
    followed = client.post(
        f"/c/{community.slug}/tags/lecture-à-voix-haute/follow/", {"follow": "1"}
    )

    assert titles(listed) == ["Lire ensemble"]
    assert followed.status_code == 302
    assert TagFollow.objects.filter(tag=tag, user=other).exists()


@pytest.mark.parametrize("value", ["ratio\n", "a\x00b", "x" * 61, "../etc", "a b"])
def test_hostile_tag_filters_are_ignored(client, community, member, value):
    a_thread(community, member, title="Still listed")

    response = client.get(f"/c/{community.slug}/threads/", {"tag": value})

    assert response.status_code == 200
    assert titles(response) == ["Still listed"]


def test_a_threads_labels_come_tags_then_subjects_then_grades_each_in_their_order():
    seed()
    steward = UserFactory()
    community = a_community(steward=steward)
    thread = a_thread(community, steward)
    other = a_thread(community, steward, title="Another thread")
    thread.tags.set(
        [
            Tag.objects.create(community=community, slug="zines", name="zines"),
            Tag.objects.create(community=community, slug="art", name="art"),
        ]
    )
    subjects = list(Subject.objects.order_by("-position")[:2])  # stored out of order
    thread.subjects.set(subjects)
    bands = list(GradeBand.objects.order_by("position")[:2])
    thread.grade_bands.set(bands)
    other.tags.set([Tag.objects.create(community=community, slug="elsewhere", name="elsewhere")])

    labels = selectors.thread_labels(thread)

    assert [(label.kind, label.slug) for label in labels] == [
        ("tag", "art"),
        ("tag", "zines"),
        *[("subject", s.slug) for s in sorted(subjects, key=lambda s: s.position)],
        *[("grade", b.slug) for b in bands],
    ]
    assert selectors.thread_labels(a_thread(community, steward, title="Bare")) == []
    with translation.override("fr"):
        maths = Subject.objects.get(slug="mathematics")
        thread.subjects.add(maths)
        names = {label.slug: label.name for label in selectors.thread_labels(thread)}
    assert names["mathematics"] == "Mathématiques"  # shared vocabulary is translated
