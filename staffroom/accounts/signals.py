from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext

from staffroom.accounts.services import profile_create


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def give_every_account_a_profile(sender, instance, created, raw=False, **kwargs):
    # Accounts come from signup, the admin and createsuperuser alike; each needs a profile.
    if created and not raw:
        # A neutral name and handle until they choose a name: the address itself is private.
        profile_create(user=instance, display_name=gettext("New member"))
