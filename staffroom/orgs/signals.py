from allauth.account.signals import email_changed, email_confirmed, email_removed
from django.dispatch import receiver

from staffroom.orgs.services import org_memberships_sync


@receiver(email_confirmed)
def join_organizations_on_confirmation(request, email_address, **kwargs):
    org_memberships_sync(user=email_address.user)


@receiver(email_changed)
@receiver(email_removed)
def follow_address_changes(request, user, **kwargs):
    org_memberships_sync(user=user)
