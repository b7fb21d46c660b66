import pytest
from django.test import override_settings

from staffroom.accounts.models import User
from staffroom.communities.models import Community
from staffroom.demo.data.communities import COMMUNITIES
from staffroom.demo.data.organizations import ORGANIZATIONS
from staffroom.demo.data.people import PEOPLE
from staffroom.discussions.models import Thread
from staffroom.orgs.models import Organization
from staffroom.resources.models import Resource
from staffroom.search.models import SearchDocument


def remove_demo() -> None:
    """Delete what the demo loaded, committed outside any test's transaction.

    Portfolio resources belong to no community, so they and their index entries go by hand;
    a thread protects its space, so threads go before their communities.
    """
    emails = [person.email for person in PEOPLE]
    slugs = [spec.slug for spec in COMMUNITIES]
    portfolio = Resource.objects.filter(community__isnull=True, author__email__in=emails)
    SearchDocument.objects.filter(
        kind="resource", object_id__in=list(portfolio.values_list("pk", flat=True))
    ).delete()
    portfolio.delete()
    Thread.objects.filter(community__slug__in=slugs).delete()
    Community.objects.filter(slug__in=slugs).delete()
    Organization.objects.filter(slug__in=[spec.slug for spec in ORGANIZATIONS]).delete()
    User.objects.filter(email__in=emails).delete()


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    """Keep the pictures a module's demo attaches in a scratch folder, never in var/.

    The demo is loaded once per module, before the per-test media folder exists, so it gets
    a folder of its own for as long as the module runs.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=media):
        yield media
