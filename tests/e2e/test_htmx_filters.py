"""With JavaScript, directory filters update the results in place; the URL follows."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import axe_violations, describe_violations


@pytest.mark.e2e
def test_choosing_a_subject_filters_the_directory_without_reloading_the_page(
    new_context, directory
):
    page = new_context().new_page()
    page.goto("/communities/")
    page.evaluate("window.marker = 'same page'")

    page.get_by_label("Subject").select_option(label="Science")

    results = page.locator("#directory-results")
    expect(results.get_by_role("link", name="Lab notes")).to_be_visible()
    expect(results.get_by_role("link", name="Ratio talk")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"subject=science"))
    assert page.evaluate("window.marker") == "same page"
    expect(page.get_by_role("status")).to_have_text("1 community shown")
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
