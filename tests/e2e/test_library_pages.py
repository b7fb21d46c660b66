"""The practice library in the browser: publish, revise, adapt, report, attach and collect.

Each test walks part of a teacher's journey through the library and runs axe-core, in the
light and the dark palette, on every page it meets.
"""

import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from staffroom.communities.services import community_join
from staffroom.resources import catalogue, services
from staffroom.resources.licences import Licence
from staffroom.resources.models import Resource
from tests.e2e.axe import assert_accessible_in_both_schemes
from tests.e2e.steps import sign_in
from tests.factories.accounts import UserFactory
from tests.resources.builders import a_resource

# Each formset row's labels carry its number ("Step 1", "Code of standard 2").
STEP_LABEL = re.compile(r"^Step \d+:?$")
MINUTES_LABEL = re.compile(r"^Minutes for step \d+:?$")
WHAT_LABEL = re.compile(r"^What happens in step \d+:?$")
FRAMEWORK_LABEL = re.compile(r"^Framework of standard \d+:?$")
CODE_LABEL = re.compile(r"^Code of standard \d+:?$")
DESCRIPTION_LABEL = re.compile(r"^Description of standard \d+:?$")


TITLE = "Squash recipes: a first look at ratio"
FRAMEWORK = "Common Core State Standards for Mathematics"
CODE = "CCSS.MATH.CONTENT.6.RP.A.1"
# The bundled catalogue's wording for CODE, which a blank description is filled from.
CATALOGUE_DESCRIPTION = (
    "Grasp what a ratio is and use ratio language to describe how two quantities relate."
)
CC_BY_SA = "Creative Commons Attribution-ShareAlike 4.0 International"
CC_BY_SA_DEED = "https://creativecommons.org/licenses/by-sa/4.0/"
# A minimal, complete PDF: the upload check reads the magic bytes and the end marker.
PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


@pytest.fixture(autouse=True)
def standards_catalogue(transactional_db):
    """Put back the bundled standards the migration loads; the live server's DB is flushed."""
    catalogue.seed()


@pytest.fixture
def members(directory):
    """Amara, who shares, and Bongani, who adapts and collects; both in Ratio talk."""
    amara = UserFactory(email="amara@example.org", display_name="Amara Okafor")
    bongani = UserFactory(email="bongani@example.org", display_name="Bongani Dlamini")
    for member in (amara, bongani):
        community_join(user=member, community=directory.ratios)
    return amara, bongani


@pytest.fixture
def plan(directory, members) -> Resource:
    """Amara's lesson plan in Ratio talk, under CC BY-SA, as version 1."""
    return a_resource(members[0], directory.ratios, title=TITLE, licence=Licence.CC_BY_SA)


def signed_in(new_context, email: str, **options) -> Page:
    page = new_context(**options).new_page()
    sign_in(page, email)
    return page


def expect_heading(page: Page, name: str | re.Pattern) -> None:
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def step_rows(page: Page) -> Locator:
    return (
        page.get_by_role("group", name="Procedure")
        .get_by_role("listitem")
        .filter(has=page.get_by_label(STEP_LABEL))
    )


def step_row(page: Page, index: int) -> Locator:
    return step_rows(page).nth(index)


def alignment_row(page: Page, index: int) -> Locator:
    # The group also holds the lookup's results, which are list items without fields.
    rows = page.get_by_role("group", name="Standards alignment").get_by_role("listitem")
    return rows.filter(has=page.get_by_label(CODE_LABEL)).nth(index)


def fill_lesson_plan(page: Page, *, community: str, title: str) -> None:
    """Fill the lesson-plan form as Amara would, leaving the standard's description blank."""
    page.get_by_label("Publish in").select_option(label=community)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Summary").fill("A 45-minute lesson introducing ratio through squash.")
    page.get_by_label("Learning objectives").fill(
        "Describe a ratio relationship in words\nUse a ratio table"
    )
    warm_up = step_row(page, 0)
    warm_up.get_by_label(STEP_LABEL).fill("Warm-up")
    warm_up.get_by_label(MINUTES_LABEL).fill("10")
    warm_up.get_by_label(WHAT_LABEL).fill("Which drink is *stronger*?")
    standard = alignment_row(page, 0)
    standard.get_by_label(FRAMEWORK_LABEL).select_option(label=FRAMEWORK)
    standard.get_by_label(CODE_LABEL).fill(CODE)
    page.get_by_role("radio", name=re.compile(r"^CC BY-SA 4\.0 ")).check()


def json_ld(page: Page) -> dict:
    """Parse the page's schema.org JSON-LD; fails if the script is missing or invalid."""
    script = page.locator('script[type="application/ld+json"]')
    expect(script).to_have_count(1)
    return json.loads(script.text_content())


# --- 1. publishing ------------------------------------------------------------------------------


@pytest.mark.e2e
def test_a_member_publishes_a_lesson_plan_aligned_to_a_catalogue_standard(
    new_context, directory, members
):
    page = signed_in(new_context, "amara@example.org")

    page.goto("/library/")
    expect_heading(page, "Practice library")
    expect(page.get_by_text("No resources match yet.")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.get_by_role("main").get_by_role("link", name="Share a resource").click()
    expect_heading(page, "Share a resource")
    expect(page.get_by_text("What are you sharing?")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.get_by_role("link", name="Lesson plan", exact=True).click()
    expect_heading(page, "Share a resource: Lesson plan")
    expect(step_row(page, 0).get_by_label(STEP_LABEL)).to_be_visible()
    assert_accessible_in_both_schemes(page)

    # The catalogue lookup answers as she types a code's start.
    page.get_by_label("Look up a code").fill("6.RP")
    lookup = page.locator("#standards-results")
    expect(lookup).to_contain_text("matches in the catalogue.")
    expect(lookup.get_by_role("listitem").filter(has_text=CODE)).to_contain_text(
        CATALOGUE_DESCRIPTION
    )
    assert_accessible_in_both_schemes(page)

    # Asking for room for more steps redisplays the form, saving nothing and keeping the typing.
    fill_lesson_plan(page, community="Ratio talk", title=TITLE)
    steps = step_rows(page)
    expect(steps).to_have_count(2)
    page.get_by_role("button", name="Room for more steps").click()
    expect(steps).to_have_count(5)
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(step_row(page, 0).get_by_label(STEP_LABEL)).to_have_value("Warm-up")
    expect(step_row(page, 0).get_by_label(MINUTES_LABEL)).to_have_value("10")
    expect(alignment_row(page, 0).get_by_label(CODE_LABEL)).to_have_value(CODE)
    expect(page.get_by_role("alert")).to_have_count(0)
    assert not Resource.objects.exists(), "Asking for more steps saved the resource."

    # Publishing without a title is refused, with the problem shown and the rest kept.
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the problems below.")
    title = page.get_by_label("Title")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("This field is required.")).to_be_visible()
    expect(step_row(page, 0).get_by_label(STEP_LABEL)).to_have_value("Warm-up")
    expect(alignment_row(page, 0).get_by_label(FRAMEWORK_LABEL)).to_have_value("ccss-math")
    expect(page.get_by_role("radio", name=re.compile(r"^CC BY-SA 4\.0 "))).to_be_checked()
    assert not Resource.objects.exists(), "A resource without a title was saved."
    assert_accessible_in_both_schemes(page)

    title.fill(TITLE)
    page.get_by_role("button", name="Publish").click()

    expect_heading(page, TITLE)
    expect(page.get_by_role("status")).to_contain_text("Published.")
    procedure = page.get_by_role("region", name="Procedure")
    expect(procedure.get_by_role("heading", name="Warm-up (10 minutes)", level=3)).to_be_visible()
    expect(procedure).to_contain_text("Which drink is stronger?")
    objectives = page.get_by_role("region", name="Learning objectives")
    expect(objectives.get_by_role("listitem")).to_have_text(
        ["Describe a ratio relationship in words", "Use a ratio table"]
    )
    standards = page.get_by_role("region", name="Standards")
    expect(standards.get_by_role("link", name=CODE)).to_be_visible()
    expect(standards.get_by_role("listitem")).to_have_text(f"{CODE} — {CATALOGUE_DESCRIPTION}")
    licence = page.get_by_role("region", name="Licence").get_by_role("link", name=CC_BY_SA)
    expect(licence).to_have_attribute("rel", "license")
    expect(licence).to_have_attribute("href", CC_BY_SA_DEED)
    assert_accessible_in_both_schemes(page)

    data = json_ld(page)
    resource = Resource.objects.get()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == TITLE
    assert data["url"].endswith(f"/r/{resource.pk}/")
    assert data["learningResourceType"] == "Lesson Plan"
    assert data["license"] == CC_BY_SA_DEED
    assert data["author"] == {"@type": "Person", "name": "Amara Okafor"}
    assert data["educationalAlignment"] == [
        {
            "@type": "AlignmentObject",
            "alignmentType": "teaches",
            "educationalFramework": FRAMEWORK,
            "targetName": CODE,
            "targetDescription": CATALOGUE_DESCRIPTION,
        }
    ]
    assert resource.community == directory.ratios
    assert resource.licence == Licence.CC_BY_SA
    assert [step["title"] for step in resource.content["steps"]] == ["Warm-up"]

    # The library lists it.
    page.goto("/library/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


# --- 2. without JavaScript ----------------------------------------------------------------------


@pytest.mark.e2e
def test_a_lesson_plan_is_published_without_javascript(new_context, directory, members):
    page = signed_in(new_context, "amara@example.org", java_script_enabled=False)

    page.goto("/library/")
    page.get_by_role("main").get_by_role("link", name="Share a resource").click()
    page.get_by_role("link", name="Lesson plan", exact=True).click()
    expect_heading(page, "Share a resource: Lesson plan")
    fill_lesson_plan(page, community="Ratio talk", title=TITLE)
    page.get_by_role("button", name="Room for more steps").click()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    page.get_by_role("button", name="Publish").click()

    expect_heading(page, TITLE)
    expect(page.get_by_role("region", name="Procedure")).to_contain_text("Warm-up")
    expect(page.get_by_role("region", name="Standards")).to_contain_text(CATALOGUE_DESCRIPTION)
    assert json_ld(page)["name"] == TITLE


# --- 3. versions --------------------------------------------------------------------------------


@pytest.mark.e2e
def test_the_author_edits_compares_versions_and_restores_the_first(new_context, plan):
    new_title = "Squash recipes: ratio tables in a lesson"
    page = signed_in(new_context, "amara@example.org")

    page.goto(plan.get_absolute_url())
    page.get_by_role("link", name="Edit", exact=True).click()
    expect_heading(page, f"Edit “{TITLE}”")
    assert_accessible_in_both_schemes(page)
    page.get_by_label("Title").fill(new_title)
    page.get_by_label("What changed (optional)").fill("A clearer title")
    page.get_by_role("button", name="Save a new version").click()

    expect_heading(page, new_title)
    expect(page.get_by_role("status")).to_contain_text("Saved as a new version.")
    page.get_by_role("link", name="version 2").click()

    expect_heading(page, f"History of “{new_title}”")
    versions = page.get_by_role("main").get_by_role("listitem")
    expect(versions).to_have_count(2)
    expect(versions.first).to_contain_text("current")
    expect(versions.first).to_contain_text("A clearer title")
    assert_accessible_in_both_schemes(page)

    page.get_by_role("link", name="Version 2", exact=True).click()
    expect_heading(page, f"Version 2 of “{new_title}”")
    expect(page.get_by_text("Changes since version 1:")).to_be_visible()
    # Only the title changed, so it is the only field compared.
    expect(page.get_by_role("main").get_by_role("region")).to_have_count(1)
    title_change = page.get_by_role("region", name="title")
    expect(title_change.locator("del")).to_have_text(f"removed: - {TITLE}")
    expect(title_change.locator("ins")).to_have_text(f"added: + {new_title}")
    expect(page.get_by_role("button", name=re.compile(r"^Restore"))).to_have_count(0)
    assert_accessible_in_both_schemes(page)

    page.get_by_role("link", name="History").click()
    page.get_by_role("button", name="Restore version 1").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Version 1 is current again, saved as a new version."
    )
    expect_heading(page, f"History of “{TITLE}”")
    expect(versions).to_have_count(3)
    expect(versions.first).to_contain_text("Restored version 1")
    assert_accessible_in_both_schemes(page)

    page.get_by_role("link", name=f"← {TITLE}").click()
    expect_heading(page, TITLE)
    expect(page.get_by_role("link", name="version 3")).to_be_visible()


# --- 4. adapting and reporting ------------------------------------------------------------------


@pytest.mark.e2e
def test_a_colleague_adapts_the_plan_and_reports_trying_it_in_class(new_context, plan):
    page = signed_in(new_context, "bongani@example.org")

    page.goto(plan.get_absolute_url())
    expect(page.get_by_text("Nobody has reported trying this in class yet.")).to_be_visible()
    page.get_by_role("link", name="Duplicate and adapt").click()

    expect_heading(page, "Duplicate and adapt")
    licences = page.get_by_role("radio")
    expect(licences).to_have_count(1)
    expect(page.get_by_role("radio", name=re.compile(r"^CC BY-SA 4\.0 "))).to_be_checked()
    expect(page.get_by_label("Publish your adaptation in")).to_be_visible()
    assert_accessible_in_both_schemes(page)
    page.get_by_label("Publish your adaptation in").select_option(label="Ratio talk")
    page.get_by_role("button", name="Make my copy").click()

    expect(page.get_by_role("status")).to_contain_text("Your adaptation is ready to edit.")
    expect_heading(page, f"Edit “{TITLE}”")
    expect(page.get_by_role("radio")).to_have_count(1)
    page.get_by_role("link", name=f"← {TITLE}").click()

    expect_heading(page, TITLE)
    copy = Resource.objects.exclude(pk=plan.pk).get()
    expect(page).to_have_url(re.compile(rf"/r/{copy.pk}/$"))
    credit = page.get_by_text("Adapted from")
    expect(credit).to_contain_text(f"“{TITLE}” by Amara Okafor")
    expect(credit.get_by_role("link", name=f"“{TITLE}”")).to_have_attribute(
        "href", plan.get_absolute_url()
    )
    assert copy.licence == Licence.CC_BY_SA
    assert_accessible_in_both_schemes(page)

    page.goto(plan.get_absolute_url())
    page.get_by_role("link", name="I tried it in class").click()
    expect_heading(page, "I tried it in class")
    assert_accessible_in_both_schemes(page)

    # A report without what worked is sent back, the problem named.
    page.get_by_label("Grade or year").fill("Year 7")
    page.get_by_label("Class size").fill("28")
    page.get_by_role("radio", name="In person").check()
    page.get_by_role("radio", name="4 — good").check()
    page.get_by_role("button", name="Share my report").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the problems below.")
    expect(page.get_by_label("What worked")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Grade or year")).to_have_value("Year 7")
    assert_accessible_in_both_schemes(page)

    page.get_by_label("What worked").fill("The squash tasting made ratio language stick.")
    page.get_by_role("button", name="Share my report").click()

    expect_heading(page, TITLE)
    expect(page).to_have_url(re.compile(rf"/r/{plan.pk}/#tried$"))
    expect(page.get_by_role("status")).to_contain_text("Thank you: your report helps")
    expect(page.locator("#tried-summary")).to_contain_text("Tried by 1 teacher")
    expect(page.locator("#tried-summary")).to_contain_text("1 adaptation")
    report = page.get_by_role("article", name="Report by Bongani Dlamini")
    expect(report).to_contain_text("Year 7 · 28 students · In person · 4 of 5")
    expect(report).to_contain_text("The squash tasting made ratio language stick.")
    adaptations = page.get_by_role("region", name="Adaptations")
    expect(adaptations.get_by_role("link", name=TITLE)).to_have_attribute(
        "href", copy.get_absolute_url()
    )
    assert_accessible_in_both_schemes(page)


# --- 5. files -----------------------------------------------------------------------------------


@pytest.mark.e2e
def test_the_author_attaches_a_pdf_that_readers_can_download(new_context, plan):
    page = signed_in(new_context, "amara@example.org")

    page.goto(plan.get_absolute_url())
    page.get_by_role("link", name="Manage files").click()
    expect_heading(page, f"Files for “{TITLE}”")
    expect(page.get_by_text("No files yet.")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.get_by_label("File:", exact=True).set_input_files(
        {"name": "squash-recipes.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Upload").click()

    expect(page.get_by_role("status")).to_contain_text("“squash-recipes.pdf” is attached.")
    attached = page.get_by_role("region", name="Attached files")
    expect(attached.get_by_role("link", name="squash-recipes.pdf")).to_be_visible()
    expect(attached).to_contain_text("PDF")
    expect(attached.get_by_role("button", name="Remove squash-recipes.pdf")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.get_by_role("link", name=f"← {TITLE}").click()
    files = page.get_by_role("region", name="Files")
    link = files.get_by_role("link", name="squash-recipes.pdf")
    expect(link).to_be_visible()

    # A colleague downloads it; the response is the file, sent so it cannot be sniffed.
    reader = signed_in(new_context, "bongani@example.org")
    reader.goto(plan.get_absolute_url())
    href = reader.get_by_role("region", name="Files").get_by_role("link", name="squash-recipes.pdf")
    response = reader.request.get(href.get_attribute("href"))
    assert response.ok, response.status
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-disposition"] == 'inline; filename="squash-recipes.pdf"'
    assert "sandbox" in response.headers["content-security-policy"]
    assert response.body() == PDF


# --- 6. collections -----------------------------------------------------------------------------


@pytest.mark.e2e
def test_a_colleague_gathers_the_plan_into_a_new_collection(new_context, plan):
    collection = "Ratio in year 7"
    page = signed_in(new_context, "bongani@example.org")

    page.goto("/collections/")
    expect_heading(page, "Collections")
    expect(page.get_by_text("You keep no collections yet.")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.get_by_role("main").get_by_role("link", name="Start a collection").click()
    expect(page).to_have_url(re.compile(r"/collections/new/$"))
    expect_heading(page, "Start a collection")
    assert_accessible_in_both_schemes(page)

    # Starting one without a title is refused.
    page.get_by_role("button", name="Start the collection").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the problems below.")
    expect(page.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    assert_accessible_in_both_schemes(page)

    page.get_by_label("Title").fill(collection)
    page.get_by_label("Description (optional)").fill("What worked for **ratio** this term.")
    page.get_by_role("button", name="Start the collection").click()
    expect_heading(page, collection)
    expect(page.get_by_text("Nothing here yet.")).to_be_visible()
    assert_accessible_in_both_schemes(page)

    page.goto(plan.get_absolute_url())
    adding = page.get_by_role("region", name="Add to a collection")
    adding.get_by_label("Collection").select_option(label=collection)
    adding.get_by_label("Note (optional)").fill("Start the unit with this.")
    adding.get_by_role("button", name="Add to collection").click()

    expect(page.get_by_role("status")).to_contain_text(f"Added to “{collection}”.")
    adding = page.get_by_role("region", name="Add to a collection")
    expect(adding).to_contain_text("Already in:")
    adding.get_by_role("link", name=collection).click()

    expect_heading(page, collection)
    items = page.get_by_role("main").get_by_role("listitem")
    expect(items).to_have_count(1)
    expect(items.get_by_role("link", name=TITLE)).to_have_attribute("href", plan.get_absolute_url())
    expect(items).to_contain_text("Start the unit with this.")
    assert_accessible_in_both_schemes(page)

    page.goto("/collections/")
    yours = page.get_by_role("region", name="Collections you keep")
    expect(yours.get_by_role("link", name=collection)).to_be_visible()
    expect(yours).to_contain_text("1 item")
    assert_accessible_in_both_schemes(page)


# --- 7. the standards catalogue -----------------------------------------------------------------


@pytest.mark.e2e
def test_the_standards_catalogue_finds_ratio_standards(new_context, members):
    page = signed_in(new_context, "amara@example.org")

    page.goto("/library/standards/?q=ratio")
    expect_heading(page, "Standards catalogue")
    expect(page.get_by_label("Code or words")).to_have_value("ratio")
    results = page.locator("#standards-results")
    expect(results).to_contain_text(re.compile(r"\d+ matches in the catalogue\."))
    expect(results.get_by_role("listitem").filter(has_text=CODE).first).to_contain_text(
        CATALOGUE_DESCRIPTION
    )
    assert_accessible_in_both_schemes(page)


# --- the tried-it summary -----------------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("country", "summary"),
    [
        pytest.param(
            "",
            "Tried by 1 teacher · rated 4.0 of 5",
            id="no-country",
        ),
        pytest.param(
            "KE",
            "Tried by 1 teacher in 1 country · rated 4.0 of 5",
            id="one-country",
        ),
    ],
)
def test_the_tried_summary_reads_naturally(new_context, plan, members, country, summary):
    bongani = members[1]
    bongani.profile.country = country
    bongani.profile.save(update_fields=["country"])
    services.tried_report_create(
        user=bongani,
        resource=plan,
        data=services.TriedData(
            grade="Year 7", class_size=28, setting="in_person", worked="Tasting.", rating=4
        ),
    )
    page = signed_in(new_context, "amara@example.org")
    page.goto(plan.get_absolute_url())
    expect_heading(page, TITLE)
    # Read once: the page is complete, and waiting would only slow the expected failure.
    assert page.locator("#tried-summary").inner_text().strip() == summary
