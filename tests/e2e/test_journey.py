"""A teacher's first visit, from signing up to leaving a community, in real Chromium."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.axe import assert_accessible_in_both_schemes
from tests.e2e.steps import confirmation_path, sign_in

TEACHER_EMAIL = "amara.okafor@example.org"
TEACHER_PASSWORD = "chalk dust on every tuesday"
TEACHER_NAME = "Amara Okafor"
REQUEST_MESSAGE = "I teach Year 8 and would love to try algebra tiles."


def walk_the_journey(new_context, outbox, directory, *, check: Callable[[Page], None], **options):
    """Take a new teacher, and the steward who lets them in, through the whole journey.

    ``check`` runs on every page the journey lands on; ``options`` go to both browser
    contexts.
    """
    teacher = new_context(**options).new_page()

    # Sign up with an e-mail address.
    teacher.goto("/")
    check(teacher)
    teacher.get_by_role("link", name="Join Staffroom").click()
    expect(teacher.get_by_role("heading", name="Sign Up")).to_be_visible()
    check(teacher)
    teacher.get_by_label("Email").fill(TEACHER_EMAIL)
    teacher.get_by_label("Password:", exact=True).fill(TEACHER_PASSWORD)
    teacher.get_by_label("Password (again):", exact=True).fill(TEACHER_PASSWORD)
    teacher.get_by_role("button", name="Sign Up").click()
    expect(teacher.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    check(teacher)

    # Confirm the address through the link in the e-mail.
    teacher.goto(confirmation_path(outbox, TEACHER_EMAIL))
    expect(teacher.get_by_role("heading", name="Confirm Email Address")).to_be_visible()
    check(teacher)
    teacher.get_by_role("button", name="Confirm").click()

    # Complete the profile, which Staffroom asks for straight away.
    expect(teacher).to_have_url(re.compile(r"/settings/profile/\?welcome=1$"))
    expect(teacher.get_by_role("heading", name="Welcome!")).to_be_visible()
    check(teacher)
    teacher.get_by_label("Display name").fill(TEACHER_NAME)
    teacher.get_by_label("Mathematics").check()
    teacher.get_by_label("Grades 6–8").check()
    teacher.get_by_label("Country").select_option(label="Kenya")
    teacher.get_by_label("Time zone").select_option("Africa/Nairobi")
    teacher.get_by_role("button", name="Save profile").click()
    expect(teacher.get_by_text("Your profile is saved.")).to_be_visible()
    check(teacher)

    # Narrow the directory to mathematics.
    teacher.get_by_label("Subject").select_option(label="Mathematics")
    teacher.get_by_role("button", name="Show communities").click()
    results = teacher.get_by_role("region", name="Results")
    expect(results.get_by_role("link", name="Ratio talk")).to_be_visible()
    expect(results.get_by_role("link", name="Algebra studio")).to_be_visible()
    expect(results.get_by_role("link", name="Lab notes")).to_have_count(0)
    check(teacher)
    maths_communities = teacher.url

    # Join the open community.
    results.get_by_role("link", name="Ratio talk").click()
    expect(teacher.get_by_role("heading", name="Ratio talk", level=1)).to_be_visible()
    check(teacher)
    teacher.get_by_role("button", name="Join this community").click()
    expect(teacher.get_by_text("Welcome to Ratio talk!")).to_be_visible()
    expect(teacher.get_by_text("You are a Member")).to_be_visible()
    check(teacher)

    # Ask to join the community that takes members by request.
    teacher.goto(maths_communities)
    teacher.get_by_role("region", name="Results").get_by_role("link", name="Algebra studio").click()
    expect(teacher.get_by_role("heading", name="Algebra studio", level=1)).to_be_visible()
    check(teacher)
    teacher.get_by_label("Message to the stewards").fill(REQUEST_MESSAGE)
    teacher.get_by_role("button", name="Ask to join").click()
    expect(teacher.get_by_text("Your request is waiting for a steward")).to_be_visible()
    check(teacher)

    # The steward signs in on another browser and approves the request.
    steward = new_context(**options).new_page()
    steward.goto("/accounts/login/")
    check(steward)
    sign_in(steward, directory.steward.email)
    check(steward)
    steward.goto(f"/c/{directory.algebra.slug}/manage/members/")
    expect(steward.get_by_text(REQUEST_MESSAGE)).to_be_visible()
    check(steward)
    steward.get_by_role("button", name=f"Approve {TEACHER_NAME}").click()
    expect(steward.get_by_text(f"{TEACHER_NAME} is now a member.")).to_be_visible()
    expect(steward.get_by_text("Nobody is waiting.")).to_be_visible()
    check(steward)

    # The teacher finds they are in.
    teacher.reload()
    expect(teacher.get_by_text("You are a Member")).to_be_visible()
    check(teacher)

    # Leave the first community again.
    teacher.goto(f"/c/{directory.ratios.slug}/")
    check(teacher)
    teacher.get_by_role("button", name="Leave community").click()
    expect(teacher.get_by_text("You have left Ratio talk.")).to_be_visible()
    expect(teacher.get_by_role("button", name="Join this community")).to_be_visible()
    check(teacher)


def assert_no_script_ran(page: Page) -> None:
    # htmx defines window.htmx as soon as its script runs; with scripting off it never does.
    assert page.evaluate("() => typeof window.htmx") == "undefined", page.url


@pytest.mark.e2e
def test_a_teacher_signs_up_joins_asks_to_join_is_approved_and_leaves(
    new_context, mailoutbox, directory
):
    walk_the_journey(new_context, mailoutbox, directory, check=assert_accessible_in_both_schemes)


@pytest.mark.e2e
def test_the_whole_journey_works_without_javascript(new_context, mailoutbox, directory):
    walk_the_journey(
        new_context, mailoutbox, directory, check=assert_no_script_ran, java_script_enabled=False
    )
