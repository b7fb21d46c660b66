"""The shapes of the demo content, and the demo accounts' shared sign-in.

Everything here is invented for the demo; addresses use the reserved ``.test`` and
``.example`` top-level domains so no message can ever reach a real inbox.
"""

from dataclasses import dataclass

DEMO_EMAIL = "demo@staffroom.test"
ADMIN_EMAIL = "admin@staffroom.test"
DEMO_PASSWORD = "staffroom"


def prose(text: str) -> str:
    """Join hard-wrapped lines into paragraphs separated by one blank line."""
    paragraphs = (" ".join(block.split()) for block in text.strip().split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


@dataclass(frozen=True)
class Person:
    key: str
    email: str
    name: str
    role: str
    headline: str
    bio: str
    country: str
    time_zone: str
    subjects: tuple[str, ...] = ()
    grade_bands: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)
    years: int | None = None
    expertise: tuple[str, ...] = ()
    mentoring: bool = False
    ui_language: str = "en"
    staff: bool = False


@dataclass(frozen=True)
class OrganizationSpec:
    slug: str
    name: str
    kind: str
    country: str
    website: str
    description: str
    domain: str
    admins: tuple[str, ...]
    # People added by hand because their address is not on the verified domain.
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommunitySpec:
    slug: str
    name: str
    tagline: str
    domain_statement: str
    visibility: str
    join_policy: str
    subjects: tuple[str, ...]
    grade_bands: tuple[str, ...]
    languages: tuple[str, ...]
    steward: str
    founded_days_ago: int
    # (name, description); "General" and "Questions" are the two every community starts with.
    spaces: tuple[tuple[str, str], ...]
    moderators: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    # (person, message to the stewards)
    pending: tuple[tuple[str, str], ...] = ()
    # (person, reason)
    banned: tuple[tuple[str, str], ...] = ()
    # (note, days valid, maximum uses)
    invitations: tuple[tuple[str, int, int | None], ...] = ()
    organization: str | None = None
    restricted_to_organization: bool = False
    # The community's own tags, by name; threads use them by name too.
    tags: tuple[str, ...] = ()
    # (person, tag name): members who follow a tag, so new threads with it notify them.
    tag_followers: tuple[tuple[str, str], ...] = ()
