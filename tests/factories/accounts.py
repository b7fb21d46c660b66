import factory
from allauth.account.models import EmailAddress

from staffroom.accounts.handles import generate_handle
from staffroom.accounts.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up educator with a confirmed e-mail address, a name and a handle from it."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"teacher{n}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def confirmed(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def display_name(self, create, extracted, **kwargs):
        if create:
            self.profile.display_name = extracted or self.email.split("@")[0].title()

    @factory.post_generation
    def handle(self, create, extracted, **kwargs):
        # Runs after display_name: the handle follows the name, as it does for a new member.
        if create:
            profile = self.profile
            profile.handle = extracted or generate_handle(
                profile.display_name, exclude_profile_id=profile.pk
            )
            profile.save(update_fields=["display_name", "handle"])


class StaffFactory(UserFactory):
    is_staff = True
