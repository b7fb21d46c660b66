"""Watchers hear about replies, answer authors about acceptance; private threads stay private."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.communities.models import Visibility
from staffroom.communities.services import community_create, community_join, community_leave
from staffroom.discussions import services
from staffroom.discussions.models import FollowLevel, ThreadKind
from staffroom.notifications.models import Notification, NotificationKind
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setting():
    asker, helper = UserFactory(display_name="Asker"), UserFactory(display_name="Helper")
    community = community_create(
        creator=asker,
        name="Maths",
        slug="maths-notes",
        domain_statement="Ratios.",
        visibility=Visibility.MEMBERS,
    )
    community_join(user=helper, community=community)
    thread = services.thread_create(
        author=asker,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.QUESTION,
        title="Ratio tables for year 7?",
        body="Help!",
    )
    return asker, helper, community, thread


def test_the_asker_watching_their_question_hears_about_a_reply(setting):
    asker, helper, _community, thread = setting

    services.post_create(author=helper, thread=thread, body="Try bar models.")

    note = Notification.objects.get(user=asker)
    asker.profile.refresh_from_db()
    assert note.kind == NotificationKind.REPLY
    assert note.actor_name == "Helper"
    assert asker.profile.unread_notifications == 1


def test_nobody_is_told_about_their_own_reply_or_a_muted_thread(setting):
    asker, helper, _community, thread = setting
    services.thread_follow_set(user=asker, thread=thread, level=FollowLevel.MUTE)

    services.post_create(author=helper, thread=thread, body="Try bar models.")

    assert not Notification.objects.exists()


def test_the_author_of_an_accepted_answer_is_told(setting):
    asker, helper, _community, thread = setting
    reply = services.post_create(author=helper, thread=thread, body="Try bar models.")

    services.answer_accept(user=asker, post=reply, label="grade 7")

    assert Notification.objects.filter(user=helper, kind=NotificationKind.ACCEPTED).exists()


def test_someone_who_left_the_community_is_not_told_and_old_notes_disappear(setting, client):
    asker, helper, community, thread = setting
    services.post_create(author=helper, thread=thread, body="First.")
    services.post_create(author=asker, thread=thread, body="Thanks!")
    community_leave(user=helper, community=community)

    services.post_create(author=asker, thread=thread, body="Anyone else?")
    client.force_login(helper)
    page = client.get("/notifications/").content.decode()

    assert Notification.objects.filter(user=helper).count() == 1
    assert "Ratio tables" not in page


def test_opening_the_thread_marks_its_notifications_read(setting, client):
    asker, helper, _community, thread = setting
    services.post_create(author=helper, thread=thread, body="Try bar models.")
    client.force_login(asker)

    client.get(thread.get_absolute_url())

    asker.profile.refresh_from_db()
    assert asker.profile.unread_notifications == 0
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_the_inbox_lists_notifications_and_marks_all_read(setting, client):
    asker, helper, _community, thread = setting
    services.post_create(author=helper, thread=thread, body="Try bar models.")
    client.force_login(asker)

    page = client.get("/notifications/").content.decode()
    client.post("/notifications/read/")

    assert "Helper replied in" in page
    asker.profile.refresh_from_db()
    assert asker.profile.unread_notifications == 0


def test_news_about_another_thread_stays_unread_and_costs_no_write(setting, client):
    asker, helper, community, thread = setting
    other = services.thread_create(
        author=asker,
        community=community,
        space=community.spaces.first(),
        kind=ThreadKind.DISCUSSION,
        title="Bar models",
        body="Where do you start?",
    )
    services.post_create(author=helper, thread=other, body="With fractions of a length.")
    client.force_login(asker)
    client.get(thread.get_absolute_url())  # the read state of this thread is written once

    with CaptureQueriesContext(connection) as context:
        client.get(thread.get_absolute_url())

    # Reading a thread one has read before takes no write, so no transaction: on SQLite
    # a transaction here would take the database's write lock for a page view.
    statements = [query["sql"].split()[0].upper() for query in context.captured_queries]
    assert not {"BEGIN", "SAVEPOINT", "UPDATE", "INSERT"} & set(statements), statements
    asker.profile.refresh_from_db()
    assert asker.profile.unread_notifications == 1
    assert Notification.objects.get(read_at__isnull=True).thread_id == other.pk
