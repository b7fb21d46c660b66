"""Steward pages under /c/<slug>/manage/: settings, spaces, members, invitations, handover."""

from datetime import timedelta

import pytest

from staffroom.communities.models import (
    Community,
    Invitation,
    JoinPolicy,
    Membership,
    MembershipState,
    Role,
    Space,
    Visibility,
)
from staffroom.communities.services import community_create
from tests.factories.accounts import StaffFactory, UserFactory
from tests.factories.communities import InvitationFactory, MembershipFactory
from tests.pages import shown_messages, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def steward():
    return UserFactory(display_name="Steward Sam")


@pytest.fixture
def community(steward):
    return community_create(
        creator=steward,
        name="Middle-school maths",
        slug="ms-maths",
        domain_statement="Ratios, proportions and algebra for 11–14 year olds.",
        join_policy=JoinPolicy.REQUEST,
    )


@pytest.fixture
def steward_client(client, steward):
    client.force_login(steward)
    return client


def member_of(community, *, name: str, **fields) -> Membership:
    return MembershipFactory(community=community, user=UserFactory(display_name=name), **fields)


def manage_url(community, rest: str = "") -> str:
    return f"/c/{community.slug}/manage/{rest}"


# Settings


def test_the_settings_page_shows_the_current_settings(steward_client, community):
    response = steward_client.get(manage_url(community))

    assert response.status_code == 200
    assert "Community settings" in text(response)
    assert 'value="Middle-school maths"' in text(response)
    assert 'name="slug"' not in text(response)


def test_saving_settings_changes_the_community(steward_client, community):
    response = steward_client.post(
        manage_url(community),
        {
            "name": "Secondary maths",
            "tagline": "Algebra, together",
            "domain_statement": "Maths for ages 11–16.",
            "visibility": Visibility.MEMBERS,
            "join_policy": JoinPolicy.OPEN,
        },
    )

    assert response.status_code == 302
    assert response.url == manage_url(community)
    community.refresh_from_db()
    assert community.name == "Secondary maths"
    assert community.tagline == "Algebra, together"
    assert community.visibility == Visibility.MEMBERS
    assert community.join_policy == JoinPolicy.OPEN
    assert community.slug == "ms-maths"
    assert shown_messages(response) == ["Settings saved."]


# Spaces


def test_the_spaces_page_lists_the_spaces_in_order(steward_client, community):
    response = steward_client.get(manage_url(community, "spaces/"))

    assert response.status_code == 200
    body = text(response)
    assert body.index("General") < body.index("Questions")


def test_adding_a_space_puts_it_last(steward_client, community):
    response = steward_client.post(
        manage_url(community, "spaces/"),
        {"name": "Lesson ideas", "description": "Share what worked."},
    )

    assert response.status_code == 302
    space = Space.objects.get(community=community, slug="lesson-ideas")
    assert space.name == "Lesson ideas"
    assert space.description == "Share what worked."
    assert list(community.spaces.values_list("slug", flat=True)) == [
        "general",
        "questions",
        "lesson-ideas",
    ]
    assert shown_messages(response) == ["Space added."]


def test_editing_a_space_renames_it_and_keeps_its_address(steward_client, community):
    space = community.spaces.get(slug="questions")

    page = steward_client.get(manage_url(community, f"spaces/{space.pk}/"))
    response = steward_client.post(
        manage_url(community, f"spaces/{space.pk}/"),
        {"name": "Ask anything", "description": "No question too small."},
    )

    assert page.status_code == 200
    assert 'value="Questions"' in text(page)
    space.refresh_from_db()
    assert space.name == "Ask anything"
    assert space.description == "No question too small."
    assert space.slug == "questions"
    assert shown_messages(response) == ["Space saved."]


def test_moving_a_space_up_swaps_it_with_the_one_above(steward_client, community):
    questions = community.spaces.get(slug="questions")

    response = steward_client.post(
        manage_url(community, f"spaces/{questions.pk}/move/"), {"direction": "up"}
    )

    assert response.status_code == 302
    assert list(community.spaces.values_list("slug", flat=True)) == ["questions", "general"]


def test_moving_the_last_space_down_changes_nothing(steward_client, community):
    questions = community.spaces.get(slug="questions")

    steward_client.post(
        manage_url(community, f"spaces/{questions.pk}/move/"), {"direction": "down"}
    )

    assert list(community.spaces.values_list("slug", flat=True)) == ["general", "questions"]


def test_deleting_a_space_removes_it(steward_client, community):
    general = community.spaces.get(slug="general")

    response = steward_client.post(manage_url(community, f"spaces/{general.pk}/delete/"))

    assert list(community.spaces.values_list("slug", flat=True)) == ["questions"]
    assert shown_messages(response) == ["Space “General” deleted."]


def test_the_last_space_cannot_be_deleted(steward_client, community):
    community.spaces.get(slug="general").delete()
    last = community.spaces.get()

    response = steward_client.post(manage_url(community, f"spaces/{last.pk}/delete/"))

    assert community.spaces.count() == 1
    assert shown_messages(response) == ["A community keeps at least one space."]


# Members and requests


def test_the_members_page_shows_requests_with_their_messages(steward_client, community):
    member_of(
        community,
        name="Pat Pending",
        state=MembershipState.PENDING,
        request_message="I teach Year 8.",
    )
    member_of(community, name="Ada Active")
    member_of(community, name="Bo Banned", state=MembershipState.BANNED, ban_reason="Spam")

    response = steward_client.get(manage_url(community, "members/"))

    assert response.status_code == 200
    body = text(response)
    assert "1 request to join" in body
    assert "Pat Pending" in body and "“I teach Year 8.”" in body
    assert "Ada Active" in body
    assert "Bo Banned" in body and "Spam" in body and "Lift ban" in body


def test_approving_a_request_makes_an_active_member(steward_client, community, steward):
    pending = member_of(community, name="Pat Pending", state=MembershipState.PENDING)

    response = steward_client.post(
        manage_url(community, f"members/{pending.pk}/decide/"), {"decision": "approve"}
    )

    assert response.status_code == 302
    assert response.url == manage_url(community, "members/")
    pending.refresh_from_db()
    assert pending.state == MembershipState.ACTIVE
    assert pending.decided_by == steward
    assert pending.joined_at is not None
    community.refresh_from_db()
    assert community.member_count == 2
    assert shown_messages(response) == ["Pat Pending is now a member."]


def test_declining_a_request_deletes_it(steward_client, community):
    pending = member_of(community, name="Pat Pending", state=MembershipState.PENDING)

    response = steward_client.post(
        manage_url(community, f"members/{pending.pk}/decide/"), {"decision": "decline"}
    )

    assert not Membership.objects.filter(pk=pending.pk).exists()
    assert shown_messages(response) == ["You declined Pat Pending's request."]


def test_a_decision_other_than_approve_or_decline_changes_nothing(steward_client, community):
    pending = member_of(community, name="Pat Pending", state=MembershipState.PENDING)

    response = steward_client.post(
        manage_url(community, f"members/{pending.pk}/decide/"), {"decision": "maybe"}
    )

    pending.refresh_from_db()
    assert pending.state == MembershipState.PENDING
    assert shown_messages(response) == ["Choose approve or decline."]


def test_approving_twice_says_the_request_was_already_decided(steward_client, community):
    active = member_of(community, name="Ada Active")

    response = steward_client.post(
        manage_url(community, f"members/{active.pk}/decide/"), {"decision": "approve"}
    )

    assert shown_messages(response) == ["This request has already been decided."]


def test_giving_a_member_the_moderator_role(steward_client, community):
    member = member_of(community, name="Mo Member")

    response = steward_client.post(
        manage_url(community, f"members/{member.pk}/role/"), {"role": Role.MODERATOR}
    )

    member.refresh_from_db()
    assert member.role == Role.MODERATOR
    assert shown_messages(response) == ["Mo Member is now moderator."]


def test_the_last_steward_cannot_step_down(steward_client, community, steward):
    own = Membership.objects.get(community=community, user=steward)

    response = steward_client.post(
        manage_url(community, f"members/{own.pk}/role/"), {"role": Role.MEMBER}
    )

    own.refresh_from_db()
    assert own.role == Role.STEWARD
    assert shown_messages(response) == ["A community always needs at least one steward."]


def test_banning_a_member_records_the_reason(steward_client, community, steward):
    member = member_of(community, name="Troll Tom")

    response = steward_client.post(
        manage_url(community, f"members/{member.pk}/ban/"), {"reason": "Advertising"}
    )

    member.refresh_from_db()
    assert member.state == MembershipState.BANNED
    assert member.ban_reason == "Advertising"
    assert member.decided_by == steward
    community.refresh_from_db()
    assert community.member_count == 1
    assert shown_messages(response) == ["Troll Tom is banned."]


def test_a_steward_cannot_be_banned(client, community, steward):
    other = member_of(community, name="Other Steward", role=Role.STEWARD)
    client.force_login(other.user)
    own = Membership.objects.get(community=community, user=steward)

    response = client.post(manage_url(community, f"members/{own.pk}/ban/"), {"reason": ""})

    own.refresh_from_db()
    assert own.state == MembershipState.ACTIVE
    assert shown_messages(response) == ["A steward cannot be banned; change their role first."]


def test_lifting_a_ban_deletes_the_row_so_the_person_may_rejoin(steward_client, community):
    banned = member_of(community, name="Bo Banned", state=MembershipState.BANNED)

    response = steward_client.post(manage_url(community, f"members/{banned.pk}/unban/"))

    assert not Membership.objects.filter(pk=banned.pk).exists()
    assert shown_messages(response) == ["The ban on Bo Banned is lifted."]


def test_lifting_a_ban_on_someone_not_banned_says_so(steward_client, community):
    member = member_of(community, name="Ada Active")

    response = steward_client.post(manage_url(community, f"members/{member.pk}/unban/"))

    assert Membership.objects.filter(pk=member.pk, state=MembershipState.ACTIVE).exists()
    assert shown_messages(response) == ["That person is not banned."]


def test_removing_a_member_deletes_the_membership(steward_client, community):
    member = member_of(community, name="Ray Removed")

    response = steward_client.post(manage_url(community, f"members/{member.pk}/remove/"))

    assert not Membership.objects.filter(pk=member.pk).exists()
    assert shown_messages(response) == ["Ray Removed was removed."]


def test_a_steward_cannot_remove_another_steward(steward_client, community):
    other = member_of(community, name="Other Steward", role=Role.STEWARD)

    response = steward_client.post(manage_url(community, f"members/{other.pk}/remove/"))

    assert Membership.objects.filter(pk=other.pk).exists()
    assert shown_messages(response) == ["Change a steward's role before removing them."]


def test_a_moderator_sees_the_members_page_without_steward_controls(client, community):
    moderator = member_of(community, name="Mo Moderator", role=Role.MODERATOR)
    member_of(community, name="Pat Pending", state=MembershipState.PENDING)
    client.force_login(moderator.user)

    response = client.get(manage_url(community, "members/"))

    assert response.status_code == 200
    body = text(response)
    assert "Pat Pending" not in body
    assert "Remove (may rejoin)" not in body
    assert 'name="role"' not in body


def test_a_moderator_can_ban_a_member(client, community):
    moderator = member_of(community, name="Mo Moderator", role=Role.MODERATOR)
    member = member_of(community, name="Troll Tom")
    client.force_login(moderator.user)

    response = client.post(manage_url(community, f"members/{member.pk}/ban/"), {"reason": "Spam"})

    member.refresh_from_db()
    assert member.state == MembershipState.BANNED
    assert shown_messages(response) == ["Troll Tom is banned."]


def test_a_moderator_cannot_ban_another_moderator(client, community):
    moderator = member_of(community, name="Mo Moderator", role=Role.MODERATOR)
    other = member_of(community, name="Max Moderator", role=Role.MODERATOR)
    client.force_login(moderator.user)

    response = client.post(manage_url(community, f"members/{other.pk}/ban/"), {"reason": ""})

    other.refresh_from_db()
    assert other.state == MembershipState.ACTIVE
    assert shown_messages(response) == ["Only a steward can ban a moderator."]


# Invitations


def test_creating_an_invitation_shows_its_link(steward_client, community, steward):
    response = steward_client.post(
        manage_url(community, "invitations/"), {"days": "7", "max_uses": "30", "note": "Dept"}
    )

    invitation = Invitation.objects.get(community=community)
    assert invitation.max_uses == 30
    assert invitation.note == "Dept"
    assert invitation.created_by == steward
    assert abs(invitation.expires_at - invitation.created_at - timedelta(days=7)) < timedelta(
        minutes=1
    )
    assert shown_messages(response) == [
        f"New invitation link: http://testserver/invite/{invitation.token}/"
    ]


def test_the_invitations_page_lists_the_links(steward_client, community, steward):
    live = InvitationFactory(community=community, created_by=steward, note="Year 7 team")

    response = steward_client.get(manage_url(community, "invitations/"))

    assert response.status_code == 200
    assert f"/invite/{live.token}/" in text(response)
    assert "Year 7 team" in text(response)
    assert "Revoke" in text(response)


def test_revoking_an_invitation_stops_the_link(steward_client, community, steward):
    invitation = InvitationFactory(community=community, created_by=steward)

    response = steward_client.post(manage_url(community, f"invitations/{invitation.pk}/revoke/"))

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert not invitation.is_usable
    assert shown_messages(response) == ["The link no longer works."]


# Stewardship


def test_handing_over_stewardship_makes_the_giver_a_moderator(steward_client, community, steward):
    heir = member_of(community, name="Harper Heir")

    page = steward_client.get(manage_url(community, "transfer/"))
    response = steward_client.post(manage_url(community, "transfer/"), {"member": heir.user_id})

    assert "Harper Heir" in text(page)
    assert response.status_code == 302
    assert response.url == community.get_absolute_url()
    heir.refresh_from_db()
    assert heir.role == Role.STEWARD
    assert Membership.objects.get(community=community, user=steward).role == Role.MODERATOR
    assert shown_messages(response) == ["Harper Heir is now a steward; you stay on as a moderator."]


def test_the_handover_page_says_when_there_is_nobody_to_hand_over_to(steward_client, community):
    response = steward_client.get(manage_url(community, "transfer/"))

    assert response.status_code == 200
    assert "There is no other active member to hand over to yet." in text(response)


# Platform staff


def test_platform_staff_can_manage_a_community_they_do_not_belong_to(client, community):
    client.force_login(StaffFactory())

    settings_page = client.get(manage_url(community))
    response = client.post(manage_url(community, "spaces/"), {"name": "Staff notes"})

    assert settings_page.status_code == 200
    assert response.status_code == 302
    assert Space.objects.filter(community=community, slug="staff-notes").exists()
    assert Community.objects.get(pk=community.pk).name == "Middle-school maths"


# Live chats


def test_a_steward_schedules_a_chat_from_the_community_chats_page(steward_client, community):
    from staffroom.livechat.models import Chat

    chats = steward_client.get(f"/c/{community.slug}/chats/")
    form = steward_client.get(f"/c/{community.slug}/chats/new/")
    data = {
        name: (value.isoformat() if hasattr(value, "isoformat") else value)
        for name, value in form.context["form"].initial.items()
    }
    data.update(title="Ratio tables", hashtag="msmaths", questions="What works?\nWhat fails?")
    response = steward_client.post(f"/c/{community.slug}/chats/new/", data)

    chat = Chat.objects.get()
    assert "Schedule a chat" in text(chats)
    assert response.status_code == 302
    assert response.url == chat.get_absolute_url()
    assert chat.questions.count() == 2


def test_a_moderator_may_schedule_a_chat_but_a_member_may_not(client, community):
    moderator = member_of(community, name="Mo Moderator", role=Role.MODERATOR).user
    member = member_of(community, name="Mia Member").user

    client.force_login(moderator)
    as_moderator = client.get(f"/c/{community.slug}/chats/new/")
    client.force_login(member)
    as_member = client.get(f"/c/{community.slug}/chats/new/")
    listed = client.get(f"/c/{community.slug}/chats/")

    assert as_moderator.status_code == 200
    assert as_member.status_code == 404
    assert "Schedule a chat" not in text(listed)
