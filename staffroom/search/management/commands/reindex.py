from django.core.management.base import BaseCommand, CommandError

from staffroom.communities.models import Community
from staffroom.search.rebuild import BATCH_SIZE, index_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index of threads, posts and library resources, e.g. after "
        "restoring a backup; running it again gives the same index."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--community", metavar="SLUG", help="Rebuild only this community's documents."
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Threads or resources indexed per transaction (default {BATCH_SIZE}).",
        )

    def handle(self, *args, **options) -> None:
        community = None
        if options["community"] is not None:
            community = _community(options["community"])
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        verbose = options["verbosity"] >= 1

        def progress(what: str, done: int, total: int) -> None:
            if verbose:
                self.stdout.write(f"Indexed {done} of {total} {what}…")

        summary = index_rebuild(
            community=community, batch_size=options["batch_size"], progress=progress
        )
        if verbose:
            scope = f" for {community.slug}" if community else ""
            self.stdout.write(
                self.style.SUCCESS(
                    f"Search index rebuilt{scope}: {_count(summary.threads, 'thread')}, "
                    f"{_count(summary.resources, 'resource')}, "
                    f"{_count(summary.chats, 'chat transcript')}, "
                    f"{_count(summary.documents, 'document')}; "
                    f"{_count(summary.removed, 'stale document')} removed."
                )
            )


def _community(slug: str) -> Community:
    # NUL would make PostgreSQL refuse the query rather than find nothing.
    found = Community.objects.filter(slug=slug).first() if "\x00" not in slug else None
    if found is None:
        raise CommandError(f"No community has the slug “{slug}”; check the address in its URL.")
    return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
