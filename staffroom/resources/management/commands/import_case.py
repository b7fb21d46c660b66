from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from staffroom.core.errors import ServiceError
from staffroom.resources import catalogue

MAX_FILE_BYTES = 64 * 1024 * 1024


class Command(BaseCommand):
    help = (
        "Import a standards framework from a CASE 1.0 JSON package (CFDocument and CFItems) "
        "into the catalogue members align resources to; importing it again updates it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="The CASE package, a .json file.")
        parser.add_argument(
            "--framework-key",
            metavar="KEY",
            help="The key alignments store (default: “case-” and the document's title).",
        )

    def handle(self, *args, **options) -> None:
        package = _read(Path(options["path"]))
        try:
            result = catalogue.import_case(package, framework_key=options["framework_key"])
        except ServiceError as error:
            raise CommandError(error.message) from None
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported “{result.framework_name}” as {result.framework}: "
                    f"{result.created} new, {result.updated} updated, "
                    f"{result.unchanged} unchanged."
                )
            )
            left_out = []
            if result.skipped:
                left_out.append(f"{_count(result.skipped, 'item')} without a code")
            if result.invalid:
                left_out.append(
                    f"{_count(result.invalid, 'item')} with a repeated or over-long code "
                    "or no statement"
                )
            if left_out:
                self.stdout.write(f"Left out {' and '.join(left_out)}.")


def _read(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(f"{path} is larger than 64 MB; is it really a CASE package?")
        data = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror or error}.") from None
    try:
        return catalogue.load_package(data)
    except ServiceError as error:
        raise CommandError(f"{path}: {error.message}") from None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
