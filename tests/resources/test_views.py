"""The library pages as a member uses them, without JavaScript."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from staffroom.core.models import GradeBand, Subject
from staffroom.core.vocabulary import seed
from staffroom.resources import services
from staffroom.resources.licences import Licence
from staffroom.resources.models import Resource, ResourceKind, TriedReport
from tests.pages import shown_messages, text
from tests.resources.builders import a_resource, review_data

pytestmark = pytest.mark.django_db


def plan_post(community_slug="", **overrides) -> dict:
    data = {
        "kind_choice": "lesson_plan",
        "destination": community_slug,
        "title": "Fraction walls with paper strips",
        "summary": "Students fold strips to compare unit fractions.",
        "licence": Licence.CC_BY_SA,
        "duration_minutes": "50",
        "objectives": "Compare unit fractions\nExplain why 1/3 > 1/5",
        "materials": "Paper strips\nScissors",
        "diff_ell": "Sentence frames: “___ is bigger than ___ because …”",
        "diff_sped": "",
        "diff_extension": "Non-unit fractions.",
        "assessment": "Order five fractions and explain one comparison.",
        "links": "Fraction strips | https://example.org/strips",
        "steps-TOTAL_FORMS": "3",
        "steps-INITIAL_FORMS": "0",
        "steps-0-title": "Fold",
        "steps-0-minutes": "15",
        "steps-0-description": "Fold strips into halves, thirds, quarters.",
        "steps-1-title": "Compare",
        "steps-1-minutes": "20",
        "steps-1-description": "Line the strips up.",
        "steps-2-title": "",
        "steps-2-minutes": "",
        "steps-2-description": "",
        "alignments-TOTAL_FORMS": "2",
        "alignments-INITIAL_FORMS": "0",
        "alignments-0-framework": "ccss-math",
        "alignments-0-code": "CCSS.MATH.CONTENT.3.NF.A.3",
        "alignments-0-description": "Compare fractions by reasoning about their size.",
        "alignments-1-framework": "",
        "alignments-1-code": "",
        "alignments-1-description": "",
    }
    data.update(overrides)
    return data


def test_a_member_publishes_a_lesson_plan_through_the_form(client, community, member):
    client.force_login(member)

    response = client.post("/r/new/?kind=lesson_plan", plan_post(community.slug))

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == resource.get_absolute_url()
    assert resource.community == community
    assert [step["title"] for step in resource.content["steps"]] == ["Fold", "Compare"]
    assert resource.content["links"] == [
        {"title": "Fraction strips", "url": "https://example.org/strips"}
    ]
    assert resource.alignments.get().code == "CCSS.MATH.CONTENT.3.NF.A.3"
    page = text(client.get(resource.get_absolute_url()))
    assert "Fold strips into halves" in page
    assert "15 minutes" in page
    assert "Sentence frames" in page


def test_asking_for_more_steps_keeps_the_typing_and_saves_nothing(client, community, member):
    client.force_login(member)

    response = client.post(
        "/r/new/?kind=lesson_plan", plan_post(community.slug, more_steps="1", title="")
    )

    assert response.status_code == 200
    assert not Resource.objects.exists()
    assert response.context["steps"].total_form_count() == 6
    assert "Fold strips into halves" in text(response)
    assert not response.context["form"].errors


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"alignments-0-code": "CCSS.MATH.3.NF.3"}, "is not a Common Core State Standards"),
        ({"steps-0-minutes": "900"}, "less than or equal to 600"),
        ({"links": "Broken | javascript:alert(1)"}, "Give a full web address"),
        ({"licence": "gpl"}, "Select a valid choice"),
        ({"steps-TOTAL_FORMS": "5000"}, "Please submit at most 30 forms"),
        ({"destination": "someone-elses"}, "Select a valid choice"),
    ],
)
def test_bad_input_shows_a_message_and_writes_nothing(
    client, community, member, overrides, message
):
    client.force_login(member)

    response = client.post("/r/new/?kind=lesson_plan", plan_post(community.slug, **overrides))

    assert response.status_code == 200
    assert message in text(response)
    assert not Resource.objects.exists()


def test_publishing_a_tool_review(client, member):
    client.force_login(member)
    data = {
        "kind_choice": "tool_review",
        "destination": "",
        "title": "Padlet for exit tickets",
        "summary": "Quick walls of answers.",
        "licence": Licence.CC_BY,
        "tool_name": "Padlet",
        "tool_url": "https://padlet.com",
        "cost_model": "freemium",
        "platforms": ["web", "ios"],
        "student_accounts": "none",
        "data_collected": "Posts and optional names.",
        "privacy_notes": "Set walls to secret links.",
        "accessibility_notes": "Keyboard use is awkward.",
        "rating_ease_of_use": "5",
        "rating_privacy": "3",
        "alignments-TOTAL_FORMS": "0",
        "alignments-INITIAL_FORMS": "0",
        "steps-TOTAL_FORMS": "0",
        "steps-INITIAL_FORMS": "0",
    }

    response = client.post("/r/new/?kind=tool_review", data)

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.community is None
    assert resource.content["ratings"] == {"ease_of_use": 5, "privacy": 3}
    page = text(client.get(resource.get_absolute_url()))
    assert "Free with paid upgrades" in page
    assert "No student accounts needed" in page
    assert "Ease of use" in page


def test_choosing_a_kind_first(client, member):
    client.force_login(member)

    page = client.get("/r/new/")

    assert "Technology-tool review" in text(page)
    assert "?kind=tool_review" in text(page)


def test_the_resource_page_carries_valid_learning_resource_json_ld(client, community, member):
    resource = a_resource(member, community)

    page = client.get(resource.get_absolute_url()).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "LearningResource"
    assert data["name"] == resource.title
    assert data["learningResourceType"] == "Lesson Plan"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["timeRequired"] == "PT45M"
    assert data["educationalAlignment"][0]["targetName"] == "CCSS.MATH.CONTENT.6.RP.A.1"
    assert data["author"]["name"] == "Mia Member"
    assert 'rel="license"' in page


def test_json_ld_cannot_break_out_of_its_script(client, community, member):
    resource = a_resource(member, community, title="</script><script>alert(1)</script>")

    page = client.get(resource.get_absolute_url()).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_the_json_download(client, community, member):
    resource = a_resource(member, community)

    response = client.get(f"/r/{resource.pk}/download.json")

    assert response["Content-Disposition"] == f'attachment; filename="resource-{resource.pk}.json"'
    data = response.json()
    assert data["title"] == resource.title
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["content"]["steps"][0]["title"] == "Warm-up"
    assert data["attachments"] == []
    assert data["learning_resource"]["@type"] == "LearningResource"


def test_editing_keeps_versions_and_shows_a_diff(client, community, member):
    resource = a_resource(member, community)
    client.force_login(member)
    form = client.get(f"/r/{resource.pk}/edit/")
    assert form.context["form"]["title"].value() == resource.title

    data = plan_post(
        community.slug,
        title="Squash recipes, revised",
        summary=resource.summary,
        licence=Licence.CC_BY,
        note="Clearer title",
    )
    response = client.post(f"/r/{resource.pk}/edit/", data)

    assert response.status_code == 302
    assert shown_messages(response) == ["Saved as a new version."]
    history = text(client.get(f"/r/{resource.pk}/history/"))
    assert "Version 2" in history
    assert "Clearer title" in history
    diff = text(client.get(f"/r/{resource.pk}/history/2/"))
    assert "- Squash recipes: a first look at ratio" in diff
    assert "+ Squash recipes, revised" in diff


def test_restoring_from_the_history_page(client, community, member):
    resource = a_resource(member, community)
    services.resource_edit(
        editor=member,
        resource=resource,
        data=services.ResourceData(
            title="Changed", summary="Changed.", content={}, licence=Licence.CC_BY
        ),
    )
    client.force_login(member)

    response = client.post(f"/r/{resource.pk}/history/1/restore/")

    resource.refresh_from_db()
    assert response.status_code == 302
    assert resource.title == "Squash recipes: a first look at ratio"
    assert resource.version == 3


def test_an_unknown_version_is_not_found(client, community, member):
    resource = a_resource(member, community)

    assert client.get(f"/r/{resource.pk}/history/7/").status_code == 404


def test_remixing_through_the_form(client, community, member, other):
    resource = a_resource(member, community, licence=Licence.CC_BY_SA)
    client.force_login(other)

    form = client.get(f"/r/{resource.pk}/remix/")
    assert [value for value, _label in form.context["form"].fields["licence"].choices] == [
        Licence.CC_BY_SA
    ]
    response = client.post(
        f"/r/{resource.pk}/remix/", {"destination": community.slug, "licence": Licence.CC_BY_SA}
    )

    remix = Resource.objects.exclude(pk=resource.pk).get()
    assert response["Location"] == f"/r/{remix.pk}/edit/"
    page = text(client.get(remix.get_absolute_url()))
    assert "Adapted from" in page
    assert "by Mia Member" in page
    assert "1 adaptation" in text(client.get(resource.get_absolute_url()))


def test_an_all_rights_reserved_resource_offers_no_remix(client, community, member, other):
    resource = a_resource(member, community, licence=Licence.ALL_RIGHTS_RESERVED)
    client.force_login(other)

    page = client.get(resource.get_absolute_url())
    response = client.post(f"/r/{resource.pk}/remix/", {"destination": ""})

    assert "Duplicate and adapt" not in text(page)
    assert response.status_code == 302
    assert "All rights are reserved" in shown_messages(response)[0]
    assert Resource.objects.count() == 1


def test_reporting_a_classroom_try(client, community, member, other):
    resource = a_resource(member, community)
    other.profile.country = "KE"
    other.profile.save()
    client.force_login(other)

    response = client.post(
        f"/r/{resource.pk}/tried/",
        {
            "grade": "Grade 6",
            "class_size": "34",
            "setting": "in_person",
            "worked": "The tasting hooked them.",
            "adapted": "Used water colours instead of squash.",
            "rating": "4",
        },
    )

    assert response.status_code == 302
    page = text(client.get(resource.get_absolute_url()))
    assert "Tried by 1 teacher in 1 country" in page
    assert "Used water colours" in page


def test_a_bad_report_shows_errors(client, community, member, other):
    resource = a_resource(member, community)
    client.force_login(other)

    response = client.post(
        f"/r/{resource.pk}/tried/",
        {"grade": "", "class_size": "-3", "setting": "moon", "worked": "", "rating": "9"},
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "grade",
        "class_size",
        "setting",
        "worked",
        "rating",
    }
    assert not TriedReport.objects.exists()


def test_deleting_a_resource(client, community, member):
    resource = a_resource(member, community)
    client.force_login(member)

    client.post(f"/r/{resource.pk}/delete/")

    assert client.get(resource.get_absolute_url()).status_code == 404
    assert resource.title not in text(client.get("/library/"))


def titles(response) -> list[str]:
    return [item.title for item in response.context["page"].items]


def test_the_library_filters(client, community, member):
    seed(overwrite=False)
    maths = Subject.objects.get(slug="mathematics")
    band = GradeBand.objects.order_by("position").first()
    a_resource(member, community, title="Ratio plan", subjects=[maths], grade_bands=[band])
    a_resource(
        member,
        community,
        title="Short NGSS plan",
        duration_minutes=20,
        licence=Licence.CC0,
        alignments=[("ngss", "MS-LS1-6", "Photosynthesis and energy flow.")],
    )
    services.resource_create(author=member, community=None, data=review_data())

    def shown(query: str) -> list[str]:
        return sorted(titles(client.get("/library/" + query)))

    assert shown("?kind=tool_review") == ["Desmos Classroom for middle-school maths"]
    assert shown("?subject=mathematics") == ["Ratio plan"]
    assert shown(f"?grade={band.slug}") == ["Ratio plan"]
    assert shown("?licence=cc0") == ["Short NGSS plan"]
    assert shown("?standard=ms-ls1-6") == ["Short NGSS plan"]
    assert shown("?max_minutes=30") == ["Short NGSS plan"]
    assert shown(f"?kind={ResourceKind.UNIT}") == []


def test_a_library_card_names_its_subjects_and_grade_bands_in_the_vocabularys_order(
    client, community, member
):
    # Alphabetical order would put History and Adult first.
    subjects = list(Subject.objects.filter(slug__in=["history", "mathematics"]))
    bands = list(GradeBand.objects.filter(slug__in=["adult", "early-years"]))
    a_resource(member, community, title="Labelled", subjects=subjects, grade_bands=bands)
    a_resource(member, community, title="Bare")

    page = client.get("/library/")
    cards = {item.title: item for item in page.context["page"].items}

    assert cards["Labelled"].subject_names == ["Mathematics", "History"]
    assert cards["Labelled"].grade_names == [
        "Early years (ages 3–5)",
        "Adult and continuing education",
    ]
    assert (cards["Bare"].subject_names, cards["Bare"].grade_names) == ([], [])
    assert '<span class="badge badge-muted">Adult and continuing education</span>' in text(page)


def test_a_resource_matching_a_filter_twice_is_listed_once(client, community, member):
    seed(overwrite=False)
    maths, science = Subject.objects.filter(slug__in=["mathematics", "science"])
    a_resource(
        member,
        community,
        title="Twice aligned",
        subjects=[maths, science],
        alignments=[
            ("ngss", "MS-LS1-6", "Photosynthesis and energy flow."),
            ("other", "MS-LS1-6", "Our district's copy of the same standard."),
        ],
    )
    a_resource(member, community, title="Plain")

    assert titles(client.get("/library/?standard=ms-ls1-6")) == ["Twice aligned"]
    assert titles(client.get("/library/?subject=science&standard=ms-ls1-6")) == ["Twice aligned"]


@pytest.mark.parametrize(
    "query",
    ["?kind=%00", "?max_minutes=abc", "?sort=random", "?standard=" + "x" * 500, "?after=zz"],
)
def test_odd_filters_are_ignored(client, community, member, query):
    a_resource(member, community)

    response = client.get("/library/" + query)

    assert response.status_code == 200


def test_the_library_sorts_by_most_tried(client, community, member, other):
    a_resource(member, community, title="Untried")
    tried = a_resource(member, community, title="Tried")
    services.tried_report_create(
        user=other,
        resource=tried,
        data=services.TriedData(
            grade="7", class_size=20, setting="remote", worked="Fine.", rating=3
        ),
    )

    assert titles(client.get("/library/?sort=tried")) == ["Tried", "Untried"]


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_library_list_is_flat(client, community, member):
    for n in range(5):
        a_resource(member, community, title=f"Plan {n}")
    few = count_queries(client, "/library/")
    for n in range(45):
        a_resource(member, community, title=f"More {n}")

    assert count_queries(client, "/library/") == few


def _try_and_adapt(resource, community, user, times: int) -> None:
    for _n in range(times):
        services.tried_report_create(
            user=user,
            resource=resource,
            data=services.TriedData(
                grade="7", class_size=20, setting="remote", worked="Fine.", rating=3
            ),
        )
        services.resource_remix(user=user, source=resource, community=community)


def test_the_resource_page_is_flat(client, community, member, other):
    resource = a_resource(member, community)
    _try_and_adapt(resource, community, other, 1)
    few = count_queries(client, resource.get_absolute_url())
    _try_and_adapt(resource, community, other, 10)

    assert count_queries(client, resource.get_absolute_url()) == few


def test_a_resource_nobody_tried_or_adapted_skips_those_reads(client, community, member, other):
    untouched = a_resource(member, community, title="Untouched")
    used = a_resource(member, community, title="Used")
    _try_and_adapt(used, community, other, 1)

    assert count_queries(client, untouched.get_absolute_url()) == (
        count_queries(client, used.get_absolute_url()) - 2
    )
    page = text(client.get(untouched.get_absolute_url()))
    assert "No reports yet." in page and "Adaptations" not in page
    page = text(client.get(used.get_absolute_url()))
    assert "No reports yet." not in page and "Adaptations" in page


def test_the_publish_and_adapt_forms_do_not_grow_with_memberships(client, community, member):
    from tests.discussions.builders import a_community, a_member

    resource = a_resource(member, community)
    client.force_login(member)
    urls = ["/r/new/?kind=lesson_plan", f"/r/{resource.pk}/remix/"]
    few = [count_queries(client, url) for url in urls]
    for n in range(5):
        a_member(a_community(name=f"Extra {n}", slug=f"extra-{n}"), user=member)

    assert [count_queries(client, url) for url in urls] == few
    form = client.get(f"/r/{resource.pk}/remix/").context["form"]
    assert len(form.fields["destination"].choices) == 7
