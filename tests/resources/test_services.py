"""Publishing, editing, versions, restore, remix lineage, licence rules and tried-it reports."""

import pytest

from staffroom.communities.models import Visibility
from staffroom.core.errors import ServiceError
from staffroom.resources import services
from staffroom.resources.licences import Licence, remix_licences
from staffroom.resources.models import Alignment, Resource, ResourceVersion, Setting, TriedReport
from tests.discussions.builders import a_community, a_member
from tests.factories.accounts import UserFactory
from tests.resources.builders import a_resource, plan_data, review_data

pytestmark = pytest.mark.django_db


def counts() -> dict:
    return {
        "resources": Resource.objects.count(),
        "versions": ResourceVersion.objects.count(),
        "alignments": Alignment.objects.count(),
        "reports": TriedReport.objects.count(),
    }


def test_a_member_publishes_a_lesson_plan_with_its_structure(community, member):
    resource = a_resource(member, community)

    assert resource.version == 1
    assert resource.content["steps"][0] == {
        "title": "Warm-up",
        "minutes": 10,
        "description": "Which drink is *stronger*?",
    }
    assert "<em>stronger</em>" in resource.content_html["steps"][0]
    assert "<strong>stronger</strong>" in resource.content_html["differentiation"]["ell"]
    [alignment] = resource.alignments.all()
    assert alignment.code == "CCSS.MATH.CONTENT.6.RP.A.1"
    [version] = resource.versions.all()
    assert version.snapshot["title"] == resource.title
    # Each community resource gets its own discussion thread.
    assert resource.thread.community == community
    assert resource.get_absolute_url() in resource.thread.posts.get(position=1).body


def test_a_tool_review_keeps_privacy_and_ratings(community, member):
    resource = services.resource_create(author=member, community=community, data=review_data())

    assert resource.content["student_accounts"] == "optional"
    assert resource.content["ratings"] == {"ease_of_use": 5, "learning_impact": 4, "privacy": 4}
    assert "audio trace" in resource.content_html["accessibility_notes"]


def test_a_portfolio_resource_has_no_community_and_no_thread(member):
    resource = a_resource(member, None)

    assert resource.community is None
    assert resource.thread is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"summary": ""}, "summary"),
        ({"kind": "poem"}, "kind"),
        ({"licence": "gpl"}, "licence"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"content": {"steps": [{"title": "", "minutes": 5}]}}, "steps"),
        ({"content": {"steps": [{"title": "Go", "minutes": "soon"}]}}, "steps"),
        ({"content": {"links": [{"title": "x", "url": "javascript:alert(1)"}]}}, "links"),
        ({"content": {"objectives": ["x" * 301]}}, "objectives"),
        ({"content": "not a dict"}, "content"),
        ({"alignments": [("ccss-math", "CCSS.MATH.6.RP.1", "")]}, "alignments"),
        ({"alignments": [("ngss", "MS-XX1-6", "")]}, "alignments"),
        ({"alignments": [("other", "LOCAL-7", "")]}, "alignments"),
        ({"alignments": [("made-up", "X1", "y")]}, "alignments"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(community, member, overrides, field):
    before = counts()

    with pytest.raises(ServiceError) as refusal:
        a_resource(member, community, **overrides)

    assert refusal.value.field == field
    assert counts() == before


def test_a_tool_review_needs_its_essentials(community, member):
    with pytest.raises(ServiceError) as refusal:
        services.resource_create(
            author=member,
            community=community,
            data=review_data(content={**review_data().content, "tool_url": "ftp://x"}),
        )
    assert refusal.value.field == "tool_url"


@pytest.mark.parametrize(
    ("framework", "code"),
    [
        ("ccss-math", "CCSS.MATH.CONTENT.HSA.REI.B.3"),
        ("ccss-math", "ccss.math.content.7.ee.b.4.a"),
        ("ccss-math", "CCSS.MATH.PRACTICE.MP1"),
        ("ccss-ela", "CCSS.ELA-LITERACY.RL.3.1"),
        ("ccss-ela", "CCSS.ELA-LITERACY.RST.6-8.3"),
        ("ngss", "MS-LS1-6"),
        ("ngss", "3-5-ETS1-1"),
        ("iste-students", "ISTE.S.1.1.A"),
        ("other", "Ontario B2.3"),
    ],
)
def test_codes_are_checked_per_framework(community, member, framework, code):
    resource = a_resource(member, community, alignments=[(framework, code, "What it means")])

    assert resource.alignments.get().code == code.upper()


def test_outsiders_cannot_publish_into_a_community(community):
    with pytest.raises(ServiceError):
        a_resource(UserFactory(), community)
    assert not Resource.objects.exists()


def test_an_edit_makes_a_new_version_and_no_change_makes_none(community, member):
    resource = a_resource(member, community)

    changed = services.resource_edit(
        editor=member, resource=resource, data=plan_data(title="Squash recipes"), note="Shorter"
    )
    unchanged = services.resource_edit(
        editor=member, resource=resource, data=plan_data(title="Squash recipes")
    )

    resource.refresh_from_db()
    assert (changed, unchanged) == (True, False)
    assert resource.version == 2
    assert [v.number for v in resource.versions.all()] == [2, 1]
    assert resource.versions.get(number=2).note == "Shorter"


def test_only_the_author_or_a_moderator_edits(community, member, other, moderator):
    resource = a_resource(member, community)

    with pytest.raises(ServiceError):
        services.resource_edit(editor=other, resource=resource, data=plan_data(title="Mine"))
    assert services.resource_edit(
        editor=moderator, resource=resource, data=plan_data(title="Tidied")
    )


def test_restoring_an_old_version_makes_it_current_as_a_new_version(community, member):
    resource = a_resource(member, community)
    services.resource_edit(editor=member, resource=resource, data=plan_data(title="Changed"))

    services.resource_restore(editor=member, resource=resource, number=1)

    resource.refresh_from_db()
    assert resource.title == "Squash recipes: a first look at ratio"
    assert resource.version == 3
    assert resource.versions.get(number=3).note == "Restored version 1"
    with pytest.raises(ServiceError):
        services.resource_restore(editor=member, resource=resource, number=99)


def test_a_remix_copies_and_credits_the_whole_chain(community, member, other, moderator):
    original = a_resource(member, community)
    first = services.resource_remix(user=other, source=original, community=community)
    second = services.resource_remix(user=moderator, source=first, community=None)

    assert first.author == other
    assert first.source == original
    assert first.content == original.content
    assert [credit["author"] for credit in second.lineage] == ["Olu Other", "Mia Member"]
    original.refresh_from_db()
    assert original.remix_count == 1
    # The chain's credit survives the original being deleted.
    services.resource_delete(user=member, resource=original)
    second.refresh_from_db()
    assert second.lineage[1]["title"] == "Squash recipes: a first look at ratio"


def test_all_rights_reserved_cannot_be_remixed(community, member, other):
    original = a_resource(member, community, licence=Licence.ALL_RIGHTS_RESERVED)

    with pytest.raises(ServiceError) as refusal:
        services.resource_remix(user=other, source=original, community=community)

    assert "All rights are reserved" in refusal.value.message
    assert Resource.objects.count() == 1


@pytest.mark.parametrize(
    ("source", "allowed"),
    [
        (Licence.CC_BY_SA, [Licence.CC_BY_SA]),
        (Licence.CC_BY_NC_SA, [Licence.CC_BY_NC_SA]),
        (Licence.CC_BY_NC, [Licence.CC_BY_NC, Licence.CC_BY_NC_SA]),
        (Licence.ALL_RIGHTS_RESERVED, []),
    ],
)
def test_licence_rules_for_adaptations(source, allowed):
    assert remix_licences(source) == allowed


def test_share_alike_remixes_keep_share_alike_even_when_edited(community, member, other):
    original = a_resource(member, community, licence=Licence.CC_BY_SA)
    remix = services.resource_remix(user=other, source=original, community=community)

    assert remix.licence == Licence.CC_BY_SA
    with pytest.raises(ServiceError) as refusal:
        services.resource_edit(editor=other, resource=remix, data=plan_data(licence=Licence.CC_BY))
    assert refusal.value.field == "licence"


def test_non_commercial_stays_non_commercial(community, member, other):
    original = a_resource(member, community, licence=Licence.CC_BY_NC)

    with pytest.raises(ServiceError):
        services.resource_remix(
            user=other, source=original, community=community, licence=Licence.CC_BY
        )
    remix = services.resource_remix(
        user=other, source=original, community=community, licence=Licence.CC_BY_NC_SA
    )
    assert remix.licence == Licence.CC_BY_NC_SA


def test_a_private_resource_cannot_be_remixed_from_outside(steward, member):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    insider = a_member(private, name="Insider")
    original = a_resource(insider, private)

    with pytest.raises(ServiceError):
        services.resource_remix(user=member, source=original, community=None)


def tried(**overrides) -> services.TriedData:
    values = {
        "grade": "Year 7",
        "class_size": 28,
        "setting": Setting.IN_PERSON,
        "worked": "The squash tasting hooked them.",
        "rating": 4,
    }
    values.update(overrides)
    return services.TriedData(**values)


def test_tried_reports_add_up_by_teacher_and_country(community, member, other, moderator):
    resource = a_resource(member, community)
    for user, country in [(other, "KE"), (moderator, "GB")]:
        user.profile.country = country
        user.profile.save()
    services.tried_report_create(user=other, resource=resource, data=tried(rating=5))
    services.tried_report_create(user=other, resource=resource, data=tried(rating=3))
    services.tried_report_create(user=moderator, resource=resource, data=tried(rating=4))

    resource.refresh_from_db()
    assert resource.tried_teachers == 2
    assert resource.tried_countries == 2
    assert resource.rating_count == 3
    assert resource.rating_average == 4.0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"grade": ""}, "grade"),
        ({"class_size": 0}, "class_size"),
        ({"class_size": 501}, "class_size"),
        ({"setting": "moon"}, "setting"),
        ({"rating": 6}, "rating"),
        ({"worked": "  "}, "worked"),
        ({"adapted": "x" * 3001}, "adapted"),
    ],
)
def test_bad_tried_reports_are_refused(community, member, other, overrides, field):
    resource = a_resource(member, community)

    with pytest.raises(ServiceError) as refusal:
        services.tried_report_create(user=other, resource=resource, data=tried(**overrides))

    assert refusal.value.field == field
    assert not TriedReport.objects.exists()


def test_outsiders_cannot_report_on_a_private_resource(steward, member):
    private = a_community(steward=steward, visibility=Visibility.MEMBERS)
    insider = a_member(private, name="Insider")
    resource = a_resource(insider, private)

    with pytest.raises(ServiceError):
        services.tried_report_create(user=member, resource=resource, data=tried())


def test_a_remix_keeps_share_alike_after_its_source_is_gone(community, member, other):
    original = a_resource(member, community, licence=Licence.CC_BY_SA)
    remix = services.resource_remix(user=other, source=original, community=community)
    Resource.objects.filter(pk=original.pk).delete()
    remix.refresh_from_db()

    with pytest.raises(ServiceError) as refusal:
        services.resource_edit(editor=other, resource=remix, data=plan_data(licence=Licence.CC_BY))

    assert remix.source is None
    assert refusal.value.field == "licence"


def test_a_summary_full_of_mentions_still_publishes(community, member):
    summary = " ".join(f"@teacher{n}" for n in range(12))

    resource = a_resource(member, community, summary=summary)

    assert resource.thread is not None


def test_deleting_twice_counts_the_adaptation_off_once(community, member, other):
    original = a_resource(member, community)
    first = services.resource_remix(user=other, source=original, community=community)
    services.resource_remix(user=other, source=original, community=community)

    services.resource_delete(user=other, resource=first)
    services.resource_delete(user=other, resource=first)

    original.refresh_from_db()
    assert original.remix_count == 1
