"""What a visitor who is not signed in sees must pass axe-core in both colour schemes."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations, describe_violations


@pytest.mark.e2e
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_public_pages_have_no_wcag_violations_for_an_anonymous_visitor(
    new_context, directory, color_scheme
):
    pages = [
        ("/", 200, "The staffroom that never closes"),
        ("/communities/", 200, "Find your community"),
        (f"/c/{directory.ratios.slug}/", 200, "Ratio talk"),
        (f"/c/{directory.ratios.slug}/members/", 200, "Members"),
        (f"/people/{directory.steward.pk}/", 200, "Sam Rivera"),
        ("/accounts/login/", 200, "Sign In"),
        ("/accounts/signup/", 200, "Sign Up"),
        ("/no-such-page/", 404, "We can't find that page"),
    ]
    page = new_context(color_scheme=color_scheme).new_page()
    reports = []

    for path, status, heading in pages:
        response = page.goto(path)
        assert response.status == status, path
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        violations = axe_violations(page)
        if violations:
            reports.append(f"{path}:\n{describe_violations(violations)}")

    # Every page is scanned before failing, so one run lists all there is to fix.
    assert not reports, (
        f"axe-core found WCAG 2.2 AA violations in the {color_scheme} colour scheme:\n"
        + "\n".join(reports)
    )
