"""The standards catalogue: the bundled starter set, lookups, and frameworks imported from CASE.

A CASE 1.0 package (the JSON a CASE Network or OpenSALT server exports) is a ``CFDocument``
describing the framework and ``CFItems``, one per standard. Only items with a
``humanCodingScheme`` become catalogue entries: members align to codes, not to identifiers.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.text import slugify
from django.utils.translation import gettext as _

from staffroom.core.errors import ServiceError
from staffroom.resources import standards
from staffroom.resources.models import Standard

BUNDLED = "bundled"
BUNDLED_PATH = Path(__file__).parent / "fixtures" / "standards.json"
MAX_LIMIT = 50
MAX_QUERY = 100
MAX_WORDS = 6
MAX_ITEMS = 50_000
MAX_IDENTIFIER = 200 - len("case:")
KEY_LENGTH = 40
KEY_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")
GRADE_ORDER = ["PK", "K", *[str(n) for n in range(1, 13)]]


@dataclass(frozen=True)
class ImportResult:
    framework: str
    framework_name: str
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Items without a code, and items with a code but nothing usable (too long, no statement).
    skipped: int = 0
    invalid: int = 0


# --- the bundled starter set ---------------------------------------------------------------------


def seed(apps=None) -> None:
    """Load the bundled catalogue, refreshing descriptions; safe to run again."""
    from django.apps import apps as live_apps

    model = (apps or live_apps).get_model("resources", "Standard")
    entries = json.loads(BUNDLED_PATH.read_text(encoding="utf-8"))["standards"]
    _upsert(
        model,
        [
            {
                "framework": entry["framework"],
                "framework_name": standards.FRAMEWORKS[entry["framework"]].name,
                "code": entry["code"],
                "description": entry["description"],
                "grades": entry.get("grades", ""),
                "source": BUNDLED,
            }
            for entry in entries
        ],
    )


def _upsert(model, rows: list[dict]) -> tuple[int, int, int]:
    """Create or refresh catalogue rows by (framework, code); return created, updated, same."""
    existing = {
        (row.framework, row.code): row
        for row in model.objects.filter(framework__in={row["framework"] for row in rows})
    }
    new, changed = [], []
    fields = ["framework_name", "description", "grades", "source"]
    for row in rows:
        current = existing.get((row["framework"], row["code"]))
        if current is None:
            new.append(model(**row))
        elif any(getattr(current, name) != row[name] for name in fields):
            for name in fields:
                setattr(current, name, row[name])
            changed.append(current)
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(changed, fields, batch_size=500)
    return len(new), len(changed), len(rows) - len(new) - len(changed)


# --- looking up ----------------------------------------------------------------------------------


def frameworks() -> list[tuple[str, str]]:
    """List the catalogue's frameworks, bundled and imported, as (key, name) by name."""
    return list(
        Standard.objects.values_list("framework", "framework_name")
        .distinct()
        .order_by("framework_name", "framework")
    )


def search_standards(q: str, framework: str | None = None, limit: int = 20) -> list[Standard]:
    """Find catalogue entries by a code or its start, or by words of their description."""
    text = " ".join(_plain(str(q or "")[: MAX_QUERY * 4]).split())[:MAX_QUERY]
    limit = max(0, min(int(limit), MAX_LIMIT))
    rows = Standard.objects.all()
    if framework:
        rows = rows.filter(framework=_plain(str(framework)[:KEY_LENGTH]))
    if not text:
        # A framework alone lists its first entries, so it can be browsed.
        return list(rows[:limit]) if framework else []
    code = standards.normalize_code(text)
    every_word = Q()
    for word in text.split()[:MAX_WORDS]:
        every_word &= (
            Q(code__icontains=word)
            | _starts_a_word("description", word)
            # "math ratio" keeps to the mathematics framework.
            | _starts_a_word("framework_name", word)
        )
    rank = Case(
        When(code__startswith=code, then=Value(0)),
        When(code__contains=code, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(
        rows.filter(Q(code__contains=code) | every_word)
        .annotate(rank=rank)
        .order_by("rank", "framework", "code")[:limit]
    )


def _starts_a_word(field: str, word: str) -> Q:
    # Whole-word starts, so "ratio" finds "ratios" but not "Generation"; portable LIKE.
    return Q(**{f"{field}__istartswith": word}) | Q(**{f"{field}__icontains": f" {word}"})


# --- importing CASE packages ---------------------------------------------------------------------


def load_package(data: str | bytes) -> dict:
    """Parse a CASE package's JSON text; refuse anything that is not a JSON object."""
    try:
        package = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise ServiceError(
            _("The file is not valid JSON (%(error)s).") % {"error": str(error)[:200]},
            field="package",
        ) from None
    if not isinstance(package, dict):
        raise ServiceError(_("A CASE package is a JSON object."), field="package")
    return package


@transaction.atomic
def import_case(package: dict, *, framework_key: str | None = None) -> ImportResult:
    """Add or refresh the standards of a CASE 1.0 package in the catalogue."""
    document, items = _document_and_items(package)
    identifier = _text(document.get("identifier"))
    title = _text(document.get("title"))
    if not identifier or not title:
        raise ServiceError(
            _("The package's CFDocument needs an identifier and a title."), field="package"
        )
    if len(identifier) > MAX_IDENTIFIER:
        raise ServiceError(_("The CFDocument identifier is too long."), field="package")
    source = f"case:{identifier}"
    key = _framework_key(framework_key, title, identifier)
    if Standard.objects.filter(framework=key).exclude(source=source).exists():
        raise ServiceError(
            _(
                "The framework key “%(key)s” already holds standards from another source; "
                "choose another key."
            )
            % {"key": key},
            field="framework_key",
        )
    name = title[:200]
    rows, skipped, invalid = _rows(items, framework=key, name=name, source=source)
    if not rows:
        raise ServiceError(
            _("No item in the package has a code and a statement; nothing was imported."),
            field="package",
        )
    created, updated, unchanged = _upsert(Standard, rows)
    # Items a newer package dropped keep their entry (resources may be aligned to them),
    # but follow a renamed document.
    Standard.objects.filter(framework=key).exclude(framework_name=name).update(framework_name=name)
    return ImportResult(
        framework=key,
        framework_name=name,
        source=source,
        created=created,
        updated=updated,
        unchanged=unchanged,
        skipped=skipped,
        invalid=invalid,
    )


def _document_and_items(package) -> tuple[dict, list]:
    if isinstance(package, dict) and isinstance(package.get("CFPackage"), dict):
        package = package["CFPackage"]
    if not isinstance(package, dict):
        raise ServiceError(_("A CASE package is a JSON object."), field="package")
    document, items = package.get("CFDocument"), package.get("CFItems")
    if not isinstance(document, dict) or not isinstance(items, list):
        raise ServiceError(
            _("This is not a CASE package: it needs a CFDocument object and a CFItems list."),
            field="package",
        )
    if len(items) > MAX_ITEMS:
        raise ServiceError(
            _("The package lists more than %(count)s items.") % {"count": f"{MAX_ITEMS:,}"},
            field="package",
        )
    if not all(isinstance(item, dict) for item in items):
        raise ServiceError(_("Every entry of CFItems must be an object."), field="package")
    return document, items


def _framework_key(requested: str | None, title: str, identifier: str) -> str:
    if requested is not None:
        key = str(requested)
        if key in standards.FRAMEWORKS or key == standards.OTHER:
            raise ServiceError(
                _("“%(key)s” is a built-in framework; choose another key.") % {"key": key[:60]},
                field="framework_key",
            )
        if not KEY_PATTERN.fullmatch(key):
            raise ServiceError(
                _("A framework key is up to 40 lowercase letters, digits and hyphens."),
                field="framework_key",
            )
        return key
    key = "case-" + (slugify(title) or slugify(identifier)).replace("_", "-")
    if len(key) > KEY_LENGTH:
        # Cut at a word boundary where one is near: "case-example-state-digital-literacy".
        key = key[: KEY_LENGTH + 1]
        key = key.rsplit("-", 1)[0] if key.rfind("-") >= KEY_LENGTH // 2 else key[:KEY_LENGTH]
    key = key.rstrip("-")
    if key == "case":
        raise ServiceError(
            _("Name the framework with a key; its title gives none."), field="framework_key"
        )
    return key


def _rows(items: list[dict], *, framework: str, name: str, source: str):
    rows: dict[str, dict] = {}
    skipped = invalid = 0
    for item in items:
        code = standards.normalize_code(_text(item.get("humanCodingScheme"), limit=400))
        if not code:
            skipped += 1
            continue
        description = _text(item.get("fullStatement")) or _text(item.get("abbreviatedStatement"))
        if len(code) > 80 or not description or code in rows:
            invalid += 1
            continue
        rows[code] = {
            "framework": framework,
            "framework_name": name,
            "code": code,
            "description": description[:500],
            "grades": _grades(item.get("educationLevel")),
            "source": source,
        }
    return list(rows.values()), skipped, invalid


def _grades(levels) -> str:
    """Write CASE education levels ("KG", "06", "07", "08") the way teachers do ("6-8")."""
    if not isinstance(levels, list):
        return ""
    names: list[str] = []
    for level in levels[:30]:
        level = _text(level, limit=10).upper()
        if level.isascii() and level.isdigit():
            level = str(int(level))
        level = {"KG": "K"}.get(level, level)
        if level and level not in names:
            names.append(level)
    if len(names) > 1 and all(n in GRADE_ORDER for n in names):
        positions = sorted(GRADE_ORDER.index(n) for n in names)
        if positions == list(range(positions[0], positions[-1] + 1)):
            return f"{GRADE_ORDER[positions[0]]}-{GRADE_ORDER[positions[-1]]}"
    return ", ".join(names)[:40].rstrip(", ")


def _text(value, *, limit: int = 2000) -> str:
    """Return a JSON string value as one clean line (anything else as blank)."""
    if not isinstance(value, str):
        return ""
    return " ".join(_plain(value[:limit]).split())


def _plain(value: str) -> str:
    # Control characters become spaces: PostgreSQL refuses NUL, and none belong in a code.
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
