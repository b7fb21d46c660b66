from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from staffroom.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load demo educators, organisations and communities; running it again changes nothing."

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION:
            # The demo has a staff account whose password is printed in the README.
            raise CommandError(
                "The demo data has well-known passwords and is never loaded in production."
            )
        summary = load_demo()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Demo data ready: {summary.people} people, {summary.communities} communities, "
                f"{summary.organizations} organisations."
            )
