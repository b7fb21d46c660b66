"""The demo instance: who is in it, which organisations and communities they belong to,
and what they talk about there.

Everything here is invented for the demo; addresses use the reserved ``.test`` and
``.example`` top-level domains so no message can ever reach a real inbox.
"""

from staffroom.demo.data.communities import COMMUNITIES
from staffroom.demo.data.organizations import ORGANIZATIONS
from staffroom.demo.data.people import PEOPLE
from staffroom.demo.data.specs import (
    ADMIN_EMAIL,
    DEMO_EMAIL,
    DEMO_PASSWORD,
    CommunitySpec,
    OrganizationSpec,
    Person,
    prose,
)
from staffroom.demo.data.threads import THREADS, ReplySpec, ThreadSpec

__all__ = [
    "ADMIN_EMAIL",
    "COMMUNITIES",
    "DEMO_EMAIL",
    "DEMO_PASSWORD",
    "ORGANIZATIONS",
    "PEOPLE",
    "THREADS",
    "CommunitySpec",
    "OrganizationSpec",
    "Person",
    "ReplySpec",
    "ThreadSpec",
    "prose",
]
