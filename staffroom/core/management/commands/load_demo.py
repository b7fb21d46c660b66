from django.core.management.base import BaseCommand

from staffroom.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load demo educators, organisations and communities; running it again changes nothing."

    def handle(self, *args, **options) -> None:
        summary = load_demo()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Demo data ready: {summary.people} people, {summary.communities} communities, "
                f"{summary.organizations} organisations."
            )
