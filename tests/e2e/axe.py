"""Run axe-core in a Playwright page and fail with a report a developer can act on."""

from pathlib import Path

import axe_playwright_python
from playwright.sync_api import Page

# The copy of axe-core that axe-playwright-python ships; it is read once and injected
# with page.evaluate, which the page's Content-Security-Policy (script-src 'self')
# does not govern, so the pages are scanned under their real policy.
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()

WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def axe_violations(page: Page) -> list[dict]:
    """Return axe-core's WCAG 2.2 AA violations for the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    results = page.evaluate("options => window.axe.run(document, options)", WCAG_22_AA)
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    """Format violations as rule, impact, help and every offending node."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}")
            lines.append(f"       {node['html']}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n         ")
                lines.append(f"         {summary}")
    return "\n".join(lines)


def assert_accessible_in_both_schemes(page: Page) -> None:
    """Fail unless the page is axe-clean in the light and in the dark palette."""
    # The stylesheet swaps every colour under prefers-color-scheme: dark, so contrast
    # has to hold twice; emulating the media query avoids loading the page again.
    was_dark = page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
    reports = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        violations = axe_violations(page)
        if violations:
            reports.append(
                f"{len(violations)} rule(s) broken in the {scheme} colour scheme:\n"
                + describe_violations(violations)
            )
    page.emulate_media(color_scheme="dark" if was_dark else "light")
    assert not reports, f"axe-core found WCAG 2.2 AA violations on {page.url}:\n" + "\n".join(
        reports
    )
