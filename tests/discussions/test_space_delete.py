import pytest

from staffroom.communities.services import community_create, space_delete
from staffroom.discussions import services
from staffroom.search.selectors import search
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_deleting_a_space_moves_its_threads_to_the_first_other_space():
    steward = UserFactory()
    community = community_create(
        creator=steward, name="Maths", slug="maths-spaces", domain_statement="Ratios."
    )
    general, questions = community.spaces.order_by("position")
    thread = services.thread_create(
        author=steward, community=community, space=questions, title="Fraction walls", body="Hi"
    )

    space_delete(actor=steward, space=questions)

    thread.refresh_from_db()
    assert thread.space == general
    assert search(viewer=None, q="fraction walls").results[0].space_id == general.pk


def test_deleting_a_community_removes_its_threads():
    steward = UserFactory()
    community = community_create(
        creator=steward, name="Maths", slug="maths-gone", domain_statement="Ratios."
    )
    services.thread_create(
        author=steward,
        community=community,
        space=community.spaces.first(),
        title="Soon gone",
        body="Hi",
    )

    community.delete()

    assert not search(viewer=None, q="soon gone").results
