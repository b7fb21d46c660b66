"""Pages every visitor meets: home, the directory, a community, joining and leaving."""

from datetime import timedelta

import pytest
from django.utils import timezone

from staffroom.communities.models import JoinPolicy, Membership, MembershipState, Role, Visibility
from staffroom.communities.services import community_create, community_join
from staffroom.core.models import GradeBand, Language, Subject
from tests.factories.accounts import UserFactory
from tests.factories.communities import CommunityFactory, InvitationFactory, MembershipFactory
from tests.factories.orgs import OrganizationFactory
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


def make_community(**overrides):
    steward = overrides.pop("steward", None) or UserFactory(display_name="Steward Sam")
    fields = {
        "name": "Middle-school maths",
        "slug": "ms-maths",
        "domain_statement": "Ratios, proportions and algebra for 11–14 year olds.",
        "visibility": Visibility.PUBLIC,
        "join_policy": JoinPolicy.OPEN,
        **overrides,
    }
    return community_create(creator=steward, **fields), steward


# Home


def test_home_page_shows_listed_communities_to_an_anonymous_visitor(client):
    make_community(name="Early literacy circle", slug="literacy")
    make_community(name="District heads", slug="heads", visibility=Visibility.MEMBERS)

    response = client.get("/")

    assert response.status_code == 200
    assert "Early literacy circle" in text(response)
    assert "District heads" in text(response)
    assert "Create your free account" in text(response)


def test_home_page_lists_a_members_own_communities_with_pending_requests_marked(client):
    community, _steward = make_community(name="Physics teachers", join_policy=JoinPolicy.REQUEST)
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher, state=MembershipState.PENDING)
    client.force_login(teacher)

    response = client.get("/")

    assert "Your communities" in text(response)
    assert "Request pending" in text(response)
    assert "Create your free account" not in text(response)


# Directory


def test_directory_lists_public_and_members_only_communities_to_anonymous_visitors(client):
    make_community(name="Open maths", slug="open-maths")
    make_community(name="Staff only", slug="staff-only", visibility=Visibility.MEMBERS)

    response = client.get("/communities/")

    assert response.status_code == 200
    assert "Open maths" in text(response)
    assert "Staff only" in text(response)
    assert "Start a community" not in text(response)


def test_directory_offers_a_signed_in_teacher_to_start_a_community(client):
    client.force_login(UserFactory())

    response = client.get("/communities/")

    assert "Start a community" in text(response)


def test_directory_filters_by_search_words(client):
    make_community(name="Phonics first", slug="phonics")
    make_community(name="Calculus club", slug="calculus")

    response = client.get("/communities/", {"q": "phonics"})

    assert "Phonics first" in text(response)
    assert "Calculus club" not in text(response)
    assert "Clear filters" in text(response)


def test_directory_filters_by_subject_grade_band_and_language(client):
    maths = Subject.objects.get(slug="mathematics")
    middle = GradeBand.objects.get(slug="6-8")
    french = Language.objects.get(slug="fr")
    make_community(
        name="Maths en français",
        slug="maths-fr",
        subjects=[maths],
        grade_bands=[middle],
        languages=[french],
    )
    make_community(name="Maths in English", slug="maths-en", subjects=[maths])

    response = client.get(
        "/communities/", {"subject": "mathematics", "grade_band": "6-8", "language": "fr"}
    )

    assert "Maths en français" in text(response)
    assert "Maths in English" not in text(response)


def test_directory_filters_formal_and_informal_communities(client):
    admin = UserFactory()
    organization = OrganizationFactory(name="Riverside District")
    admin.org_memberships.create(organization=organization, role="admin")
    make_community(
        name="Riverside maths", slug="riverside-maths", steward=admin, organization=organization
    )
    make_community(name="Anywhere art", slug="anywhere-art")

    formal_page = client.get("/communities/", {"kind": "formal"})
    informal_page = client.get("/communities/", {"kind": "informal"})

    assert "Riverside maths" in text(formal_page)
    assert "Anywhere art" not in text(formal_page)
    assert "Anywhere art" in text(informal_page)
    assert "Riverside maths" not in text(informal_page)


def test_directory_shows_a_friendly_line_when_nothing_matches(client):
    make_community()

    response = client.get("/communities/", {"q": "underwater basket weaving"})

    assert response.status_code == 200
    assert "No community matches these filters yet." in text(response)


def test_directory_pages_with_a_more_link_that_keeps_the_filters(client):
    for n in range(25):
        CommunityFactory(name=f"Reading group {n:02}", slug=f"reading-{n}", member_count=n)

    first = client.get("/communities/", {"q": "reading"})
    cursor = first.context["page"].next_cursor
    second = client.get("/communities/", {"q": "reading", "after": cursor})

    assert "More communities" in text(first)
    assert f"q=reading&after={cursor}" in text(first)
    assert len(first.context["page"].items) == 24
    assert [c.name for c in second.context["page"].items] == ["Reading group 00"]


def test_directory_marks_the_communities_a_member_belongs_to(client):
    community, _steward = make_community(name="Geography gang")
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher)
    client.force_login(teacher)

    response = client.get("/communities/")

    assert '<span class="badge badge-ok">Member</span>' in text(response)


# Community page


def test_community_page_shows_spaces_and_a_sign_in_button_to_anonymous_visitors(client):
    community, _steward = make_community(name="Science lab")

    response = client.get(community.get_absolute_url())

    assert response.status_code == 200
    body = text(response)
    assert "Science lab" in body
    assert "General" in body and "Questions" in body
    assert "Sign in to join" in body
    assert "Steward Sam" in body


def test_members_only_community_page_hides_spaces_from_outsiders(client):
    community, _steward = make_community(visibility=Visibility.MEMBERS)
    client.force_login(UserFactory())

    response = client.get(community.get_absolute_url())

    assert response.status_code == 200
    body = text(response)
    assert community.domain_statement in body
    assert "Conversations, resources and the member list are for members only." in body
    assert "Introductions, news and anything" not in body


def test_open_community_page_offers_a_join_button_to_a_signed_in_teacher(client):
    community, _steward = make_community()
    client.force_login(UserFactory())

    response = client.get(community.get_absolute_url())

    assert "Join this community" in text(response)
    assert "Steward tools" not in text(response)


def test_request_community_page_offers_the_request_form(client):
    community, _steward = make_community(join_policy=JoinPolicy.REQUEST)
    client.force_login(UserFactory())

    response = client.get(community.get_absolute_url())

    assert "Ask to join" in text(response)
    assert "Join this community" not in text(response)


def test_invite_only_community_page_explains_how_to_get_in(client):
    community, _steward = make_community(join_policy=JoinPolicy.INVITE)
    client.force_login(UserFactory())

    response = client.get(community.get_absolute_url())

    assert "This community is joined by invitation. Ask a steward for a link." in text(response)


def test_community_page_shows_steward_tools_and_pending_count_to_the_steward(client):
    community, steward = make_community(join_policy=JoinPolicy.REQUEST)
    MembershipFactory(community=community, state=MembershipState.PENDING)
    client.force_login(steward)

    response = client.get(community.get_absolute_url())

    assert "Steward tools" in text(response)
    assert "1 waiting" in text(response)
    assert "You are a Steward" in text(response)


# Member directory


def test_member_directory_lists_active_members_only(client):
    community, _steward = make_community()
    MembershipFactory(community=community, user=UserFactory(display_name="Ada Active"))
    MembershipFactory(
        community=community,
        user=UserFactory(display_name="Pat Pending"),
        state=MembershipState.PENDING,
    )
    MembershipFactory(
        community=community,
        user=UserFactory(display_name="Bo Banned"),
        state=MembershipState.BANNED,
    )

    response = client.get(f"/c/{community.slug}/members/")

    assert response.status_code == 200
    body = text(response)
    assert "Ada Active" in body
    assert "Steward Sam" in body
    assert "Pat Pending" not in body
    assert "Bo Banned" not in body


def test_member_directory_filters_by_name_and_role(client):
    community, _steward = make_community()
    MembershipFactory(community=community, user=UserFactory(display_name="Ada Lovelace"))
    MembershipFactory(
        community=community, user=UserFactory(display_name="Mo Moderator"), role=Role.MODERATOR
    )

    by_name = client.get(f"/c/{community.slug}/members/", {"q": "lovelace"})
    by_role = client.get(f"/c/{community.slug}/members/", {"role": "moderator"})

    assert "Ada Lovelace" in text(by_name)
    assert "Mo Moderator" not in text(by_name)
    assert "Mo Moderator" in text(by_role)
    assert "Ada Lovelace" not in text(by_role)


def test_member_directory_filters_people_open_to_mentoring(client):
    community, _steward = make_community()
    mentor = UserFactory(display_name="Mentor Mia")
    mentor.profile.open_to_mentoring = True
    mentor.profile.save()
    MembershipFactory(community=community, user=mentor)
    MembershipFactory(community=community, user=UserFactory(display_name="Busy Ben"))

    response = client.get(f"/c/{community.slug}/members/", {"mentoring": "on"})

    assert "Mentor Mia" in text(response)
    assert "Busy Ben" not in text(response)


def test_member_directory_of_a_members_only_community_opens_for_its_members(client):
    community, _steward = make_community(visibility=Visibility.MEMBERS)
    member = UserFactory(display_name="Insider Ivy")
    MembershipFactory(community=community, user=member)
    client.force_login(member)

    response = client.get(f"/c/{community.slug}/members/")

    assert response.status_code == 200
    assert "Insider Ivy" in text(response)


# Profiles and organisations


def test_profile_page_lists_the_public_communities_of_a_member(client):
    _community, steward = make_community(name="History hub")

    response = client.get(f"/people/{steward.pk}/")

    assert response.status_code == 200
    assert "Steward Sam" in text(response)
    assert "History hub" in text(response)
    assert "Edit your profile" not in text(response)


def test_profile_page_offers_its_owner_an_edit_link(client):
    teacher = UserFactory()
    client.force_login(teacher)

    response = client.get(f"/people/{teacher.pk}/")

    assert "Edit your profile" in text(response)


def test_organisation_page_lists_its_communities(client):
    admin = UserFactory()
    organization = OrganizationFactory(name="Hillside Academy")
    admin.org_memberships.create(organization=organization, role="admin")
    make_community(name="Hillside maths", steward=admin, organization=organization)

    response = client.get(f"/orgs/{organization.slug}/")

    assert response.status_code == 200
    assert "Hillside Academy" in text(response)
    assert "Hillside maths" in text(response)
    assert "Manage domains and administrators" not in text(response)


# Joining, requesting, leaving


def test_joining_an_open_community_makes_an_active_member(client):
    community, _steward = make_community(name="Open science")
    teacher = UserFactory()
    client.force_login(teacher)

    response = client.post(f"/c/{community.slug}/join/")

    assert response.status_code == 302
    assert response.url == community.get_absolute_url()
    membership = Membership.objects.get(community=community, user=teacher)
    assert membership.state == MembershipState.ACTIVE
    assert membership.role == Role.MEMBER
    community.refresh_from_db()
    assert community.member_count == 2
    assert shown_messages(response) == ["Welcome to Open science!"]


def test_the_welcome_message_is_shown_on_the_community_page_after_joining(client):
    community, _steward = make_community(name="Open science")
    client.force_login(UserFactory())

    response = client.post(f"/c/{community.slug}/join/", follow=True)

    assert response.status_code == 200
    assert "Welcome to Open science!" in text(response)
    assert "Leave community" in text(response)


def test_joining_a_request_only_community_directly_is_refused(client):
    community, _steward = make_community(join_policy=JoinPolicy.REQUEST)
    teacher = UserFactory()
    client.force_login(teacher)

    response = client.post(f"/c/{community.slug}/join/")

    assert not Membership.objects.filter(community=community, user=teacher).exists()
    assert shown_messages(response) == ["This community is joined by request: ask to join instead."]


def test_joining_twice_says_you_are_already_a_member(client):
    community, _steward = make_community()
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher)
    client.force_login(teacher)

    response = client.post(f"/c/{community.slug}/join/")

    assert Membership.objects.filter(community=community, user=teacher).count() == 1
    assert shown_messages(response) == ["You are already a member of this community."]


def test_an_anonymous_visitor_who_tries_to_join_is_sent_to_sign_in(client):
    community, _steward = make_community()

    response = client.post(f"/c/{community.slug}/join/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert Membership.objects.filter(community=community).count() == 1


def test_the_request_page_shows_the_message_form(client):
    community, _steward = make_community(name="Choir leaders", join_policy=JoinPolicy.REQUEST)
    client.force_login(UserFactory())

    response = client.get(f"/c/{community.slug}/request/")

    assert response.status_code == 200
    assert "Ask to join Choir leaders" in text(response)
    assert 'name="message"' in text(response)


def test_asking_to_join_records_a_pending_request_with_its_message(client):
    community, _steward = make_community(join_policy=JoinPolicy.REQUEST)
    teacher = UserFactory()
    client.force_login(teacher)

    response = client.post(
        f"/c/{community.slug}/request/", {"message": "  I teach Year 8 in Leeds.  "}
    )

    assert response.status_code == 302
    membership = Membership.objects.get(community=community, user=teacher)
    assert membership.state == MembershipState.PENDING
    assert membership.request_message == "I teach Year 8 in Leeds."
    community.refresh_from_db()
    assert community.member_count == 1
    assert shown_messages(response) == [
        "Your request is with the stewards. You will see here when they decide."
    ]


def test_asking_twice_says_the_request_is_already_waiting(client):
    community, _steward = make_community(join_policy=JoinPolicy.REQUEST)
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher, state=MembershipState.PENDING)
    client.force_login(teacher)

    response = client.post(f"/c/{community.slug}/request/", {"message": "again"})

    assert Membership.objects.get(community=community, user=teacher).request_message == ""
    assert shown_messages(response) == ["You have already asked to join; a steward will decide."]


def test_leaving_a_community_ends_the_membership(client):
    community, _steward = make_community(name="Art room")
    teacher = UserFactory()
    community_join(user=teacher, community=community)
    client.force_login(teacher)

    response = client.post(f"/c/{community.slug}/leave/")

    assert response.status_code == 302
    assert response.url == community.get_absolute_url()
    assert not Membership.objects.filter(community=community, user=teacher).exists()
    community.refresh_from_db()
    assert community.member_count == 1
    assert shown_messages(response) == ["You have left Art room."]


def test_withdrawing_a_pending_request_deletes_it(client):
    community, _steward = make_community(join_policy=JoinPolicy.REQUEST)
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher, state=MembershipState.PENDING)
    client.force_login(teacher)

    client.post(f"/c/{community.slug}/leave/")

    assert not Membership.objects.filter(community=community, user=teacher).exists()


def test_the_only_steward_cannot_leave(client):
    community, steward = make_community()
    client.force_login(steward)

    response = client.post(f"/c/{community.slug}/leave/")

    assert Membership.objects.filter(community=community, user=steward, role=Role.STEWARD).exists()
    assert shown_messages(response) == [
        "You are the only steward: hand stewardship to another member before leaving."
    ]


def test_leaving_a_community_you_are_not_in_says_so(client):
    community, _steward = make_community()
    client.force_login(UserFactory())

    response = client.post(f"/c/{community.slug}/leave/")

    assert shown_messages(response) == ["You are not a member of this community."]


def test_leaving_a_secret_community_sends_you_to_the_directory(client):
    community, _steward = make_community(visibility=Visibility.SECRET)
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher)
    client.force_login(teacher)

    response = client.post(f"/c/{community.slug}/leave/")

    assert response.status_code == 302
    assert response.url == "/communities/"


# Invitations


def test_an_invitation_shows_the_community_and_asks_anonymous_visitors_to_sign_in(client):
    community, steward = make_community(name="Secret garden", visibility=Visibility.SECRET)
    invitation = InvitationFactory(community=community, created_by=steward)

    response = client.get(f"/invite/{invitation.token}/")

    assert response.status_code == 200
    assert "You're invited to Secret garden" in text(response)
    assert "Sign in or create an account" in text(response)


def test_an_invitation_offers_a_signed_in_teacher_to_accept(client):
    community, steward = make_community(name="Book club", join_policy=JoinPolicy.INVITE)
    invitation = InvitationFactory(community=community, created_by=steward)
    client.force_login(UserFactory())

    response = client.get(f"/invite/{invitation.token}/")

    assert response.status_code == 200
    assert "You're invited to Book club" in text(response)
    assert "Accept and join" in text(response)


def test_an_anonymous_visitor_accepting_an_invitation_is_sent_to_sign_in_first(client):
    community, steward = make_community(join_policy=JoinPolicy.INVITE)
    invitation = InvitationFactory(community=community, created_by=steward)

    response = client.post(f"/invite/{invitation.token}/")

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next=/invite/{invitation.token}/"
    invitation.refresh_from_db()
    assert invitation.use_count == 0


def test_accepting_an_invitation_makes_an_active_member_and_counts_the_use(client):
    community, steward = make_community(
        name="Invite-only club", visibility=Visibility.SECRET, join_policy=JoinPolicy.INVITE
    )
    invitation = InvitationFactory(community=community, created_by=steward, max_uses=5)
    teacher = UserFactory()
    client.force_login(teacher)

    response = client.post(f"/invite/{invitation.token}/")

    assert response.status_code == 302
    assert response.url == community.get_absolute_url()
    assert Membership.objects.get(community=community, user=teacher).state == "active"
    invitation.refresh_from_db()
    assert invitation.use_count == 1
    community.refresh_from_db()
    assert community.member_count == 2
    assert shown_messages(response) == ["Welcome to Invite-only club!"]


def test_accepting_an_invitation_turns_a_pending_request_into_membership(client):
    community, steward = make_community(join_policy=JoinPolicy.REQUEST)
    teacher = UserFactory()
    MembershipFactory(community=community, user=teacher, state=MembershipState.PENDING)
    invitation = InvitationFactory(community=community, created_by=steward)
    client.force_login(teacher)

    client.post(f"/invite/{invitation.token}/")

    assert Membership.objects.get(community=community, user=teacher).state == "active"


def test_a_used_up_invitation_is_refused_and_writes_nothing(client):
    community, steward = make_community(join_policy=JoinPolicy.INVITE)
    invitation = InvitationFactory(community=community, created_by=steward, max_uses=1, use_count=1)
    teacher = UserFactory()
    client.force_login(teacher)

    response = client.post(f"/invite/{invitation.token}/")

    assert response.status_code == 200
    assert not Membership.objects.filter(community=community, user=teacher).exists()
    assert "This invitation link has expired or been used up." in text(response)
    invitation.refresh_from_db()
    assert invitation.use_count == 1


def test_an_invitation_tells_a_member_they_are_already_in(client):
    community, steward = make_community(name="Already here")
    invitation = InvitationFactory(community=community, created_by=steward)
    client.force_login(steward)

    response = client.get(f"/invite/{invitation.token}/")

    assert "You're already a member — open the community" in text(response)


def test_an_invitation_refuses_a_banned_person(client):
    community, steward = make_community(join_policy=JoinPolicy.INVITE)
    banned = UserFactory()
    MembershipFactory(community=community, user=banned, state=MembershipState.BANNED)
    invitation = InvitationFactory(
        community=community,
        created_by=steward,
        expires_at=timezone.now() + timedelta(days=1),
    )
    client.force_login(banned)

    page = client.get(f"/invite/{invitation.token}/")
    response = client.post(f"/invite/{invitation.token}/")

    assert "This invitation can't be used with your account." in text(page)
    assert Membership.objects.get(community=community, user=banned).state == "banned"
    assert "You cannot join this community." in text(response)
