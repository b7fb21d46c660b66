"""Steps that several browser tests take the same way."""

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.factories.accounts import PASSWORD

CONFIRMATION_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+")


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Sign in through the form on /accounts/login/, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def confirmation_path(outbox, email: str) -> str:
    """Return the path of the e-mail confirmation link last sent to an address."""
    sent = [message for message in outbox if email in message.to]
    assert sent, f"No e-mail was sent to {email}; the outbox holds {len(outbox)} message(s)."
    match = CONFIRMATION_LINK.search(sent[-1].body)
    assert match, f"No confirmation link in the e-mail:\n{sent[-1].body}"
    # The link carries the host the mail was built for; the browser's base URL is the
    # live server, so only the path (with the key) is kept.
    return urlsplit(match.group()).path
