from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from staffroom.accounts.models import Profile


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def give_every_account_a_profile(sender, instance, created, raw=False, **kwargs):
    # Accounts come from signup, the admin and createsuperuser alike; each needs a profile.
    if created and not raw:
        Profile.objects.get_or_create(
            user=instance, defaults={"display_name": instance.email.split("@")[0][:80]}
        )
