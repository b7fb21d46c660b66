"""Staffroom's own French and Spanish catalogues: complete, compiled and actually used."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation

from staffroom.communities.services import community_create
from staffroom.core.models import Subject
from tests.factories.accounts import UserFactory
from tests.pages import text

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "es"]
LOCALE = Path(settings.LOCALE_PATHS[0])


@pytest.fixture(autouse=True)
def _reset_language_and_zone():
    # The middleware activates the member's language for the thread; later tests start afresh.
    yield
    translation.deactivate()
    timezone.deactivate()


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.mo"


def parse_po(path: Path) -> list[dict]:
    """A tiny PO reader: one dict per entry with its flags and msgctxt/msgid/msgstr fields."""
    entries, entry, key = [], None, None

    def finish():
        if entry and "msgid" in entry["fields"]:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            if entry is None or "msgid" in entry["fields"]:
                finish()
                entry, key = {"flags": set(), "fields": {}}, None
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        keyword = re.match(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")$", line)
        if keyword:
            if keyword.group(1) in ("msgctxt", "msgid") and entry and "msgid" in entry["fields"]:
                finish()
                entry = None
            if entry is None:
                entry = {"flags": set(), "fields": {}}
            key = keyword.group(1)
            entry["fields"][key] = ast.literal_eval(keyword.group(2))
        elif line.startswith('"') and key:
            entry["fields"][key] += ast.literal_eval(line)
        else:
            raise AssertionError(f"Unexpected line in {path}: {line!r}")
    finish()
    return entries


def messages(language: str) -> list[dict]:
    """Every entry but the header."""
    return [e for e in parse_po(po_path(language)) if e["fields"]["msgid"]]


def translations(entry: dict) -> list[str]:
    fields = entry["fields"]
    return [value for key, value in sorted(fields.items()) if key.startswith("msgstr")]


def member(language: str):
    user = UserFactory(display_name="Camille Martin")
    user.profile.ui_language = language
    user.profile.save()
    return user


# The catalogues


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_exists_with_a_proper_header(language):
    header = parse_po(po_path(language))[0]["fields"]
    assert header["msgid"] == ""
    assert f"Language: {language}\n" in header["msgstr"]
    assert "Content-Type: text/plain; charset=UTF-8\n" in header["msgstr"]
    assert "Project-Id-Version: Staffroom" in header["msgstr"]
    expected_plural = {"fr": "plural=(n > 1);", "es": "plural=(n != 1);"}[language]
    assert f"Plural-Forms: nplurals=2; {expected_plural}\n" in header["msgstr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    entries = messages(language)
    assert len(entries) > 400

    fuzzy = [e["fields"]["msgid"] for e in entries if "fuzzy" in e["flags"]]
    untranslated = [
        e["fields"]["msgid"]
        for e in entries
        if not translations(e) or not all(value.strip() for value in translations(e))
    ]
    plurals_incomplete = [
        e["fields"]["msgid"]
        for e in entries
        if "msgid_plural" in e["fields"] and {"msgstr[0]", "msgstr[1]"} - set(e["fields"])
    ]

    assert fuzzy == []
    assert untranslated == []
    assert plurals_incomplete == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    with mo_path(language).open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog

    expected = {}
    for entry in messages(language):
        fields = entry["fields"]
        msgid = fields["msgid"]
        if "msgctxt" in fields:
            msgid = f"{fields['msgctxt']}\x04{msgid}"
        if "msgid_plural" in fields:
            for key, value in fields.items():
                if key.startswith("msgstr["):
                    expected[(msgid, int(key[7:-1]))] = value
        else:
            expected[msgid] = fields["msgstr"]
    compiled.pop("", None)  # the header

    stale = sorted(str(k) for k in expected.keys() ^ compiled.keys())
    assert stale == [], "django.mo is out of date: run msgfmt -c -o django.mo django.po"
    assert compiled == expected, "django.mo is out of date: run msgfmt -c -o django.mo django.po"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("language", LANGUAGES)
def test_msgfmt_accepts_the_catalogue(language, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "django.mo"), po_path(language)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr
    assert "untranslated" not in result.stderr


PLACEHOLDER = re.compile(
    r"%\(\w+\)[sdif]"  # %(name)s
    r"|%[sdif]"  # %d
    r"|\{\{\s*[\w.]+\s*\}\}"  # {{ name }}
    r"|\{\w*\}"  # {name}, {}
    r"|<[^>]+>"  # HTML tags
)


def placeholders(message: str) -> set[str]:
    return {re.sub(r"\s+", "", token) for token in PLACEHOLDER.findall(message.replace("%%", ""))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_the_placeholders_of_its_source(language):
    broken = []
    for entry in messages(language):
        fields = entry["fields"]
        expected = placeholders(fields["msgid"]) | placeholders(fields.get("msgid_plural", ""))
        for value in translations(entry):
            if placeholders(value) != expected:
                broken.append((fields["msgid"], value))

    assert broken == []


# The catalogues in use


def test_a_french_member_sees_the_home_page_in_french(client):
    client.force_login(member("fr"))

    response = client.get("/")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "fr"
    page = text(response)
    assert '<html lang="fr">' in page
    assert "La salle des profs qui ne ferme jamais" in page
    assert "The staffroom that never closes" not in page


def test_a_spanish_member_sees_the_directory_in_spanish(client):
    client.force_login(member("es"))

    response = client.get("/communities/")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "es"
    page = text(response)
    assert '<html lang="es">' in page
    assert "Encuentra tu comunidad" in page
    assert "Find your community" not in page


def test_a_french_member_sees_vocabulary_names_in_french_in_the_directory(client):
    steward = UserFactory()
    community_create(
        creator=steward,
        name="Ratios et proportions",
        slug="ratios",
        domain_statement="Enseigner les ratios aux 11–14 ans.",
        subjects=[Subject.objects.get(slug="mathematics")],
    )
    client.force_login(member("fr"))

    response = client.get("/communities/")

    assert response.status_code == 200
    page = text(response)
    # On the community's card, after its member count, and in the subject filter.
    assert re.search(r"1 membre\s*· Mathématiques", page)
    assert "Mathematics" not in page


def test_an_english_member_still_sees_english(client):
    client.force_login(member("en"))

    response = client.get("/")

    page = text(response)
    assert '<html lang="en">' in page
    assert "The staffroom that never closes" in page
