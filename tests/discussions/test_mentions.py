"""@mentions link to profiles, notify readers once, and are limited per post."""

import pytest

from staffroom.accounts.models import Profile
from staffroom.communities.models import Visibility
from staffroom.core.errors import ServiceError
from staffroom.discussions import services
from staffroom.discussions.models import FollowLevel, Mention
from staffroom.notifications.models import Notification, NotificationKind
from tests.discussions.builders import a_community, a_member, a_reply, a_thread, fresh, row_counts
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def handle(user, value: str):
    profile = Profile.objects.get(user=user)
    profile.handle = value
    profile.save()
    return fresh(user)


def notes(user, kind=NotificationKind.MENTION):
    return list(Notification.objects.filter(user=user, kind=kind))


def test_a_mention_links_the_profile_and_notifies_the_member(
    thread, member, other, django_capture_on_commit_callbacks
):
    handle(other, "olu_reads")
    with django_capture_on_commit_callbacks(execute=True):
        post = a_reply(thread, member, body="@Olu_Reads has a great phonics game for this.")

    assert f'href="/people/{other.pk}/"' in post.body_html
    assert 'class="mention"' in post.body_html
    assert Mention.objects.filter(post=post, user=other).exists()
    [note] = notes(other)
    assert note.url == post.get_absolute_url()
    assert fresh(other).profile.unread_notifications == 1


def test_an_unknown_handle_stays_plain_text_and_notifies_nobody(thread, member):
    post = a_reply(thread, member, body="Ask @nobody_here about it.")

    assert "@nobody_here" in post.body_html
    assert "<a" not in post.body_html
    assert not Mention.objects.exists()


def test_a_watcher_who_is_mentioned_hears_once_as_a_mention(
    thread, member, other, django_capture_on_commit_callbacks
):
    handle(member, "mia")
    with django_capture_on_commit_callbacks(execute=True):
        a_reply(thread, other, body="Agreeing with @mia here.")

    # The thread's author watches it, and was mentioned: one notification, a mention.
    assert [n.kind for n in Notification.objects.filter(user=member)] == [NotificationKind.MENTION]


def test_someone_who_cannot_read_the_thread_is_not_mentioned(
    member, steward, django_capture_on_commit_callbacks
):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    a_member(private, user=member)
    outsider = handle(UserFactory(display_name="Out Sider"), "outsider")
    thread = a_thread(private, member)

    with django_capture_on_commit_callbacks(execute=True):
        a_reply(thread, member, body="What would @outsider say?")

    assert not Mention.objects.filter(user=outsider).exists()
    assert not Notification.objects.filter(user=outsider).exists()


def test_a_muted_thread_keeps_mentions_quiet(
    thread, member, other, django_capture_on_commit_callbacks
):
    handle(other, "olu")
    services.thread_follow_set(user=other, thread=thread, level=FollowLevel.MUTE)
    with django_capture_on_commit_callbacks(execute=True):
        a_reply(thread, member, body="@olu any thoughts?")

    assert notes(other) == []


def test_quoting_a_mention_notifies_nobody_again(
    thread, member, other, django_capture_on_commit_callbacks
):
    handle(member, "mia")
    with django_capture_on_commit_callbacks(execute=True):
        a_reply(thread, other, body="> @mia said this first\n\nAnd I agree.")

    assert notes(member) == []


def test_an_edit_notifies_only_the_newly_mentioned(
    thread, member, other, steward, django_capture_on_commit_callbacks
):
    handle(other, "olu")
    handle(steward, "sam")
    with django_capture_on_commit_callbacks(execute=True):
        post = a_reply(thread, member, body="Thanks @olu.")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_edit(editor=member, post=fresh(post), body="Thanks @olu and @sam.")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_edit(editor=member, post=fresh(post), body="Thanks @OLU and @sam!")

    assert len(notes(other)) == 1
    assert len(notes(steward)) == 1
    assert f'href="/people/{steward.pk}/"' in fresh(post).body_html


def test_mentioning_yourself_is_not_a_notification(
    thread, member, django_capture_on_commit_callbacks
):
    handle(member, "mia")
    with django_capture_on_commit_callbacks(execute=True):
        post = a_reply(thread, member, body="Note to @mia: try this Monday.")

    assert f'href="/people/{member.pk}/"' in post.body_html
    assert notes(member) == []


def test_too_many_mentions_are_refused_and_nothing_is_written(thread, member):
    body = " ".join(f"@teacher{n}" for n in range(11))
    before = row_counts()

    with pytest.raises(ServiceError) as refusal:
        a_reply(thread, member, body=body)

    assert refusal.value.field == "body"
    assert "10" in refusal.value.message
    assert row_counts() == before


def test_ten_mentions_are_fine(thread, member):
    body = " ".join(f"@teacher{n}" for n in range(10))
    assert a_reply(thread, member, body=body).pk


def test_a_mention_in_the_opening_post_notifies(
    community, member, other, django_capture_on_commit_callbacks
):
    handle(other, "olu")
    with django_capture_on_commit_callbacks(execute=True):
        a_thread(community, member, body="@olu, you ran this last year — how did it go?")

    assert len(notes(other)) == 1


def test_the_inbox_names_the_mention(client, thread, member, other):
    handle(other, "olu")
    Notification.objects.create(
        user=other,
        kind=NotificationKind.MENTION,
        community=thread.community,
        thread_id=thread.pk,
        actor_name="Mia Member",
        title=thread.title,
        url=thread.get_absolute_url(),
    )
    client.force_login(other)

    page = client.get("/notifications/")

    assert "Mia Member mentioned you in" in page.content.decode()


def test_an_unconfirmed_account_is_neither_linked_nor_notified(
    thread, member, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress

    newcomer = handle(UserFactory(display_name="New Comer"), "newcomer")
    EmailAddress.objects.filter(user=newcomer).update(verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        post = a_reply(thread, member, body="Welcome @newcomer!")

    assert "<a" not in post.body_html
    assert notes(newcomer) == []


def test_the_link_survives_a_handle_change(client, thread, member, other):
    handle(other, "olu")
    post = a_reply(thread, member, body="Thanks @olu")
    handle(other, "olu_new")

    response = client.get(f"/people/{other.pk}/")

    assert f'href="/people/{other.pk}/"' in fresh(post).body_html
    assert response.status_code == 200
