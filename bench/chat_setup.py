"""The people and the live chat a chat load run needs, made fast in an empty database.

Run in a child process with the server's environment (``python -m bench.chat_setup``), so
the sessions are signed with the server's secret key: each member gets a session row made
through Django's session engine, as signing in would, without a request per member.
"""

import argparse
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

PASSWORD = "bench-chat-password"
EMAIL_DOMAIN = "chat.bench.staffroom.test"
QUESTIONS = [
    "What does proportional reasoning look like in your classroom?",
    "Which task first convinced your students that ratios are useful?",
    "How do you assess understanding of ratio without a test?",
    "Where do double number lines help, and where do they get in the way?",
    "What do you do when a student insists 1/3 + 1/3 = 2/6?",
    "How do you bring ratio into science and geography lessons?",
    "Which mistake do you now expect and plan for?",
    "What will you try next week?",
]


def _members(count: int):
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from staffroom.accounts.handles import handle_key
    from staffroom.accounts.models import Profile, User

    # One hash for everyone: hashing per member would take minutes and nobody signs in.
    password = make_password(PASSWORD)
    now = timezone.now()
    users = User.objects.bulk_create(
        User(email=f"member{n}@{EMAIL_DOMAIN}", password=password, date_joined=now)
        for n in range(1, count + 1)
    )
    Profile.objects.bulk_create(
        (
            Profile(
                user=user,
                display_name=f"Load Member {n}",
                handle=f"load_member_{n}",
                handle_key=handle_key(f"load_member_{n}"),
                completed_at=now,
            )
            for n, user in enumerate(users, start=1)
        ),
        batch_size=1000,
    )
    return users


def _sessions(users) -> list[str]:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    store = SessionStore()
    backend = settings.AUTHENTICATION_BACKENDS[0]
    expires = timezone.now() + timedelta(days=1)
    rows = []
    for user in users:
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(
            Session(
                session_key=store._get_new_session_key(),
                session_data=store.encode(data),
                expire_date=expires,
            )
        )
    Session.objects.bulk_create(rows, batch_size=1000)
    return [row.session_key for row in rows]


def build(clients: int) -> dict:
    """Create a steward, ``clients`` members with sessions, a community and a live chat."""
    from django.core.management import call_command
    from django.db.models import F
    from django.utils import timezone

    from staffroom.accounts.models import User
    from staffroom.communities.models import Community, Membership, MembershipState
    from staffroom.communities.services import community_create
    from staffroom.livechat import services

    call_command("migrate", interactive=False, verbosity=0)
    steward = User.objects.create_user(f"host@{EMAIL_DOMAIN}", PASSWORD)
    steward.profile.display_name = "Load Host"
    steward.profile.save(update_fields=["display_name"])
    community = community_create(
        creator=steward,
        name="Chat load",
        slug="chat-load",
        domain_statement="A community that exists to be measured.",
    )
    members = _members(clients)
    now = timezone.now()
    Membership.objects.bulk_create(
        (
            Membership(community=community, user=user, state=MembershipState.ACTIVE, joined_at=now)
            for user in members
        ),
        batch_size=1000,
    )
    Community.objects.filter(pk=community.pk).update(member_count=F("member_count") + clients)
    chat = services.chat_schedule(
        user=steward,
        community=community,
        title="Ratio chat under load",
        hashtag="loadchat",
        starts_at=now - timedelta(minutes=1),
        host_time_zone="UTC",
        duration_minutes=240,
        questions=QUESTIONS,
        first_after_minutes=0,
        interval_minutes=20,
    )
    services.chat_sync(chat)
    sessions = _sessions([steward, *members])
    return {
        "chat_id": chat.pk,
        "community": community.slug,
        "host_session": sessions[0],
        "sessions": sessions[1:],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.chat_setup", description=__doc__)
    parser.add_argument("--clients", type=int, required=True)
    parser.add_argument("--out", required=True, help="where to write the JSON manifest")
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "staffroom.settings")
    import django

    django.setup()
    manifest = build(options.clients)
    Path(options.out).write_text(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
