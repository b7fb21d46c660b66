"""The standards catalogue: bundled codes, lookups, CASE imports and aligning to them."""

import copy
import importlib
import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from staffroom.core.errors import ServiceError
from staffroom.resources import catalogue, services, standards
from staffroom.resources.models import Standard
from tests.pages import text
from tests.resources.builders import plan_data

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "case_sample.json"
SAMPLE_KEY = "case-example-state-digital-literacy"
BUNDLED = json.loads(catalogue.BUNDLED_PATH.read_text(encoding="utf-8"))["standards"]


@pytest.fixture(autouse=True)
def bundled():
    """Put the bundled catalogue back; transactional tests elsewhere empty the tables."""
    catalogue.seed()


@pytest.fixture
def package() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def snapshot() -> list[tuple]:
    return list(
        Standard.objects.order_by("framework", "code").values_list(
            "framework", "framework_name", "code", "description", "grades", "source"
        )
    )


# --- the bundled catalogue -----------------------------------------------------------------------


@pytest.mark.parametrize("entry", BUNDLED, ids=lambda entry: entry["code"])
def test_every_bundled_code_is_written_as_its_framework_writes_it(entry):
    assert entry["framework"] in standards.FRAMEWORKS
    assert standards.normalize_code(entry["code"]) == entry["code"]
    assert standards.check_code(entry["framework"], entry["code"]) is None
    assert 10 <= len(entry["description"]) <= 500
    assert len(entry.get("grades", "")) <= 40


def test_the_bundled_catalogue_covers_the_four_frameworks_once_each():
    keys = [(entry["framework"], entry["code"]) for entry in BUNDLED]

    assert len(keys) == len(set(keys)) >= 50
    assert {framework for framework, _code in keys} == set(standards.FRAMEWORKS)


def test_the_migration_loads_the_bundled_catalogue_and_unloads_only_it(package):
    migration = importlib.import_module("staffroom.resources.migrations.0002_bundled_standards")
    catalogue.import_case(package)
    Standard.objects.filter(source="bundled").delete()

    migration.load(apps, None)

    assert Standard.objects.filter(source="bundled").count() == len(BUNDLED)
    ratio = Standard.objects.get(framework="ccss-math", code="CCSS.MATH.CONTENT.6.RP.A.1")
    assert ratio.framework_name == "Common Core State Standards for Mathematics"
    assert ratio.grades == "6"

    migration.unload(apps, None)

    assert not Standard.objects.filter(source="bundled").exists()
    assert Standard.objects.filter(framework=SAMPLE_KEY).count() == 4


def test_seeding_again_refreshes_descriptions_without_duplicating():
    Standard.objects.filter(code="MS-LS1-6").update(description="Out of date")
    before = Standard.objects.count()

    catalogue.seed()

    assert Standard.objects.count() == before
    assert Standard.objects.get(code="MS-LS1-6").description != "Out of date"


# --- searching -----------------------------------------------------------------------------------


def test_search_finds_codes_by_their_start_first():
    codes = [s.code for s in catalogue.search_standards("ccss.math.content.6.rp")]

    assert codes[:4] == [
        "CCSS.MATH.CONTENT.6.RP.A.1",
        "CCSS.MATH.CONTENT.6.RP.A.2",
        "CCSS.MATH.CONTENT.6.RP.A.3",
        "CCSS.MATH.CONTENT.6.RP.A.3.C",
    ]


def test_search_finds_codes_by_a_fragment_in_any_case():
    codes = {s.code for s in catalogue.search_standards("ms-ls1")}

    assert codes == {"MS-LS1-6"}
    assert "CCSS.MATH.CONTENT.7.RP.A.2" in {s.code for s in catalogue.search_standards("7.rp")}


def test_search_finds_words_of_descriptions_in_any_order_and_case():
    codes = {s.code for s in catalogue.search_standards("Photosynthesis")}

    assert codes == {"MS-LS1-6", "HS-LS1-5"}
    assert {s.code for s in catalogue.search_standards("light PHOTOSYNTHESIS")} == {"HS-LS1-5"}


def test_search_matches_the_start_of_words_not_their_middle():
    codes = {s.code for s in catalogue.search_standards("ratio")}

    assert "CCSS.MATH.CONTENT.6.RP.A.3" in codes  # "ratios"
    assert "MS-LS1-6" not in codes  # "Next Generation Science Standards"


def test_search_keeps_to_one_framework_when_asked():
    results = catalogue.search_standards("data", framework="iste-students")

    assert results
    assert {s.framework for s in results} == {"iste-students"}


def test_a_framework_alone_lists_its_entries_and_nothing_lists_nothing():
    assert len(catalogue.search_standards("", framework="ngss", limit=5)) == 5
    assert catalogue.search_standards("   ") == []


def test_search_stops_at_its_limit():
    assert len(catalogue.search_standards("CCSS", limit=20)) == 20
    assert len(catalogue.search_standards("s", limit=10_000)) == catalogue.MAX_LIMIT


@pytest.mark.parametrize(
    "q",
    ["\x00", "ratio\x00tables", "x" * 10_000, "% _ \\", "word " * 500, "'; DROP TABLE x; --"],
)
def test_search_survives_hostile_input(q):
    assert isinstance(catalogue.search_standards(q, framework="\x00" * 100), list)
    assert isinstance(catalogue.search_standards(q), list)


# --- importing CASE packages ---------------------------------------------------------------------


def test_a_case_package_becomes_a_catalogue_framework(package):
    result = catalogue.import_case(package)

    assert result == catalogue.ImportResult(
        framework=SAMPLE_KEY,
        framework_name="Example State Digital Literacy Standards",
        source="case:7f3c2a10-5b1e-4c8d-9a2f-0e6b4d1c9a01",
        created=4,
        skipped=1,
    )
    imported = {s.code: s for s in Standard.objects.filter(framework=SAMPLE_KEY)}
    assert set(imported) == {"DL.3.1", "DL.5.2", "DL.6-8.4", "DL.8.5"}
    assert imported["DL.6-8.4"].grades == "6-8"
    assert imported["DL.3.1"].description.startswith("Keep passwords private")
    assert imported["DL.3.1"].framework_name == "Example State Digital Literacy Standards"
    assert imported["DL.3.1"].source == result.source
    assert (SAMPLE_KEY, result.framework_name) in catalogue.frameworks()


def test_importing_again_updates_rather_than_duplicates(package):
    catalogue.import_case(package)
    package["CFItems"][1]["fullStatement"] = "Keep every password private."
    package["CFDocument"]["title"] = "Example State Digital Literacy Standards (2026)"

    result = catalogue.import_case(package, framework_key=None)

    assert (result.created, result.updated, result.unchanged) == (0, 4, 0)
    assert Standard.objects.filter(framework=result.framework).count() == 4
    assert Standard.objects.get(code="DL.3.1").description == "Keep every password private."
    again = catalogue.import_case(package)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)


def test_items_without_a_code_or_a_statement_are_left_out(package):
    package["CFItems"][2]["humanCodingScheme"] = "   "
    package["CFItems"][3].pop("fullStatement")
    package["CFItems"].append(dict(package["CFItems"][4]))  # the same code twice

    result = catalogue.import_case(package)

    assert (result.created, result.skipped, result.invalid) == (2, 2, 2)
    assert set(Standard.objects.filter(framework=SAMPLE_KEY).values_list("code", flat=True)) == {
        "DL.3.1",
        "DL.8.5",
    }


def test_an_explicit_key_names_the_framework(package):
    result = catalogue.import_case(package, framework_key="example-dl")

    assert result.framework == "example-dl"
    assert Standard.objects.filter(framework="example-dl").count() == 4


@pytest.mark.parametrize("key", ["ngss", "ccss-math", "iste-students", "other"])
def test_a_built_in_framework_key_cannot_be_taken(package, key):
    before = snapshot()

    with pytest.raises(ServiceError) as refusal:
        catalogue.import_case(package, framework_key=key)

    assert "built-in" in refusal.value.message
    assert snapshot() == before


@pytest.mark.parametrize("key", ["", "Bad Key", "x" * 41, "-dash", "a_b", "ngss\x00"])
def test_a_malformed_framework_key_is_refused(package, key):
    with pytest.raises(ServiceError) as refusal:
        catalogue.import_case(package, framework_key=key)

    assert refusal.value.field == "framework_key"


def test_another_document_cannot_take_over_a_key(package):
    catalogue.import_case(package)
    other = copy.deepcopy(package)
    other["CFDocument"]["identifier"] = "another-document"
    before = snapshot()

    with pytest.raises(ServiceError) as refusal:
        catalogue.import_case(other)

    assert SAMPLE_KEY in refusal.value.message
    assert snapshot() == before


@pytest.mark.parametrize(
    "bad",
    [
        [],
        "CFDocument",
        None,
        {},
        {"CFDocument": "x", "CFItems": []},
        {"CFDocument": {"identifier": "a", "title": "T"}, "CFItems": {"a": 1}},
        {"CFDocument": {"identifier": "a", "title": "T"}, "CFItems": ["DL.1"]},
        {
            "CFDocument": {"title": "T"},
            "CFItems": [{"humanCodingScheme": "A", "fullStatement": "B"}],
        },
        {"CFDocument": {"identifier": "a", "title": ["T"]}, "CFItems": []},
        {"CFDocument": {"identifier": "a", "title": "T"}, "CFItems": []},
        {"CFDocument": {"identifier": "a", "title": "T"}, "CFItems": [{"fullStatement": "B"}]},
        {"CFDocument": {"identifier": "x" * 10_000, "title": "T"}, "CFItems": []},
        {"CFDocument": {"identifier": "a", "title": "!!!"}, "CFItems": []},
    ],
)
def test_a_malformed_package_is_refused_and_changes_nothing(bad):
    before = snapshot()

    with pytest.raises(ServiceError) as refusal:
        catalogue.import_case(bad)

    assert refusal.value.message
    assert snapshot() == before


@pytest.mark.parametrize("data", ["{not json", b"\xff\xfe\x00", "[1, 2]", '"text"', "[" * 100_000])
def test_text_that_is_not_a_json_object_is_refused(data):
    with pytest.raises(ServiceError):
        catalogue.load_package(data)


def test_huge_and_dirty_strings_are_cut_or_left_out(package):
    package["CFDocument"]["title"] = "Digital literacy " * 1_000
    items = package["CFItems"]
    items[1]["fullStatement"] = "Long\x00 statement " * 10_000
    items[2]["humanCodingScheme"] = "DL." + "9" * 10_000
    items[3]["educationLevel"] = ["0" * 10_000, *["06"] * 10_000]

    result = catalogue.import_case(package)

    assert len(result.framework) <= 40
    assert len(result.framework_name) == 200
    assert result.invalid == 1
    statement = Standard.objects.get(framework=result.framework, code="DL.3.1").description
    assert len(statement) == 500
    assert "\x00" not in statement
    assert len(Standard.objects.get(framework=result.framework, code="DL.6-8.4").grades) <= 40


@pytest.mark.parametrize(
    ("levels", "grades"),
    [
        (["06", "07", "08"], "6-8"),
        (["KG", "01", "02"], "K-2"),
        (["03", "05"], "3, 5"),
        (["HS"], "HS"),
        (["²", 7, None, "09"], "², 9"),
        ("06", ""),
    ],
)
def test_education_levels_are_written_as_teachers_write_grades(package, levels, grades):
    package["CFItems"][1]["educationLevel"] = levels

    catalogue.import_case(package)

    assert Standard.objects.get(framework=SAMPLE_KEY, code="DL.3.1").grades == grades


# --- the command ---------------------------------------------------------------------------------


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_case", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_a_package_and_says_what_it_did():
    output = run(str(SAMPLE))

    assert (
        f"Imported “Example State Digital Literacy Standards” as {SAMPLE_KEY}: "
        "4 new, 0 updated, 0 unchanged."
    ) in output
    assert "Left out 1 item without a code.\n" in output
    assert "4 unchanged" in run(str(SAMPLE))


def test_the_command_takes_a_framework_key():
    output = run(str(SAMPLE), "--framework-key", "example-dl")

    assert "as example-dl:" in output
    assert Standard.objects.filter(framework="example-dl").count() == 4


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "Cannot read"),
        ("{not json", [], "not valid JSON"),
        ("[]", [], "JSON object"),
        ('{"CFDocument": {}}', [], "CFItems"),
        (SAMPLE.read_text(encoding="utf-8"), ["--framework-key", "ngss"], "built-in"),
    ],
)
def test_the_command_explains_what_is_wrong(tmp_path, content, args, message):
    path = tmp_path / "package.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    before = snapshot()

    with pytest.raises(CommandError, match=message):
        run(str(path), *args)

    assert snapshot() == before


# --- aligning resources to the catalogue ---------------------------------------------------------


def test_an_imported_code_fills_in_its_description(community, member, package):
    catalogue.import_case(package)

    resource = services.resource_create(
        author=member,
        community=community,
        data=plan_data(alignments=[(SAMPLE_KEY, " dl.6-8.4 ", "")]),
    )

    alignment = resource.alignments.get()
    assert (alignment.framework, alignment.code) == (SAMPLE_KEY, "DL.6-8.4")
    assert alignment.description.startswith("Check a claim found online")


def test_a_bundled_code_fills_in_its_description(community, member):
    resource = services.resource_create(
        author=member,
        community=community,
        data=plan_data(alignments=[("ngss", "ms-ps1-2", "")]),
    )

    assert "chemical reaction" in resource.alignments.get().description


def test_a_code_the_imported_framework_lacks_is_refused(community, member, package):
    catalogue.import_case(package)

    with pytest.raises(ServiceError) as refusal:
        services.resource_create(
            author=member,
            community=community,
            data=plan_data(alignments=[(SAMPLE_KEY, "DL.9.9", "Something")]),
        )

    assert refusal.value.field == "alignments"


# --- the lookup page -----------------------------------------------------------------------------

URL = reverse("resources:standards")


def test_anyone_can_look_up_standards(client):
    response = client.get(URL, {"q": "ratio"})

    assert response.status_code == 200
    page = text(response)
    assert "<html" in page
    assert "CCSS.MATH.CONTENT.6.RP.A.1" in page
    assert "Common Core State Standards for Mathematics" in page
    assert 'aria-live="polite"' in page


def test_the_lookup_lists_imported_frameworks_to_filter_by(client, package):
    catalogue.import_case(package)

    page = text(client.get(URL, {"q": "dl.", "framework": SAMPLE_KEY}))

    assert f'<option value="{SAMPLE_KEY}" selected>' in page
    assert "DL.8.5" in page
    assert "CCSS" not in page.split('id="standards-results"')[1]


def test_htmx_gets_only_the_results(client):
    response = client.get(URL, {"q": "MS-LS1"}, headers={"HX-Request": "true"})

    page = text(response)
    assert "<html" not in page
    assert "MS-LS1-6" in page
    assert "HX-Request" in response["Vary"]


def test_a_search_without_matches_says_so(client):
    page = text(client.get(URL, {"q": "zzzz-nothing"}))

    assert "No standard in the catalogue matches “zzzz-nothing”." in page


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00"},
        {"q": "ratio\x00"},
        {"q": "x" * 10_000},
        {"framework": "\x00"},
        {"framework": "y" * 10_000, "q": "<script>alert(1)</script>"},
    ],
)
def test_hostile_lookups_get_an_ordinary_page(client, params):
    response = client.get(URL, params)

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_the_lookup_refuses_to_write(client):
    assert client.post(URL, {"q": "ratio"}).status_code == 405


def test_the_lookup_costs_the_same_queries_for_few_or_many_matches(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, {"q": "DL."}).status_code == 200
        return len(context.captured_queries)

    Standard.objects.create(
        framework="other-few", framework_name="Few", code="DL.1", description="d"
    )
    few = queries()
    Standard.objects.bulk_create(
        Standard(framework="other-few", framework_name="Few", code=f"DL.{n}", description="d")
        for n in range(2, 40)
    )

    assert queries() == few


def test_the_resource_form_offers_the_lookup_and_names_the_catalogue(client, member, package):
    catalogue.import_case(package)
    client.force_login(member)

    page = text(client.get(reverse("resources:create"), {"kind": "lesson_plan"}))

    assert "Example State Digital Literacy Standards" in page
    assert "Next Generation Science Standards" in page
    assert f'href="{URL}"' in page
    assert 'hx-get="' + URL + '"' in page
    assert 'id="standards-results" aria-live="polite"' in page
