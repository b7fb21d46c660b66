"""Membership writes in one community are serialised, so counts and steward rules hold."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import close_old_connections, connection

from staffroom.communities.models import Membership, MembershipState, Role
from staffroom.communities.services import (
    community_create,
    community_join,
    membership_set_role,
)
from staffroom.core.errors import ServiceError
from tests.factories.accounts import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks matter on PostgreSQL; SQLite already serialises every write",
    ),
]


def run_together(*calls):
    """Start the calls at the same instant on their own connections; collect their errors."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except (ServiceError, PermissionDenied) as error:
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_simultaneous_joins_count_every_member():
    community = community_create(
        creator=UserFactory(), name="Maths", slug="maths-race", domain_statement="Ratios."
    )
    teachers = [UserFactory() for _ in range(4)]

    run_together(*[lambda t=t: community_join(user=t, community=community) for t in teachers])

    community.refresh_from_db()
    assert community.member_count == 5


def test_two_stewards_demoting_each_other_at_once_leave_one_steward():
    first, second = UserFactory(), UserFactory()
    community = community_create(
        creator=first, name="Maths", slug="maths-stewards", domain_statement="Ratios."
    )
    Membership.objects.create(
        community=community, user=second, role=Role.STEWARD, state=MembershipState.ACTIVE
    )
    first_row = Membership.objects.get(community=community, user=first)
    second_row = Membership.objects.get(community=community, user=second)

    errors = run_together(
        lambda: membership_set_role(actor=first, membership=second_row, role=Role.MEMBER),
        lambda: membership_set_role(actor=second, membership=first_row, role=Role.MEMBER),
    )

    stewards = Membership.objects.filter(community=community, role=Role.STEWARD).count()
    assert stewards == 1
    assert len(errors) == 1
