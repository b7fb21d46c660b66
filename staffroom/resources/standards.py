"""Standards frameworks: how each writes its codes, and the catalogue members align against.

Codes are checked against their framework's pattern, so a typo such as “CCSS.MATH.6.RP.1”
is caught when written. Frameworks imported from a CASE package have no pattern; a code for
them must be one the package listed.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    example: str
    pattern: re.Pattern | None


FRAMEWORKS = {
    framework.key: framework
    for framework in [
        Framework(
            "ccss-math",
            "Common Core State Standards for Mathematics",
            "CCSS.MATH.CONTENT.6.RP.A.1",
            re.compile(
                r"CCSS\.MATH\.(?:CONTENT\.(?:K|[1-8]|HS[NAFGS])\.[A-Z]{1,4}\.[A-Z]\.\d{1,2}"
                r"(?:\.[A-E])?|PRACTICE\.MP[1-8])"
            ),
        ),
        Framework(
            "ccss-ela",
            "Common Core State Standards for English Language Arts & Literacy",
            "CCSS.ELA-LITERACY.RL.3.1",
            re.compile(
                r"CCSS\.ELA-LITERACY\.(?:CCRA\.(?:R|W|SL|L)\.\d{1,2}"
                r"|(?:RL|RI|RF|W|SL|L|RH|RST|WHST)\.(?:K|\d{1,2}|\d{1,2}-\d{1,2})\.\d{1,2}"
                r"(?:\.[A-F])?)"
            ),
        ),
        Framework(
            "ngss",
            "Next Generation Science Standards",
            "MS-LS1-6",
            re.compile(r"(?:K|[1-5]|K-2|3-5|MS|HS)-(?:PS[1-4]|LS[1-4]|ESS[1-3]|ETS[1-2])-\d{1,2}"),
        ),
        Framework(
            "iste-students",
            "ISTE Standards for Students",
            "ISTE.S.1.1.A",
            re.compile(r"ISTE\.S\.[1-7]\.[1-7](?:\.[A-D])?"),
        ),
    ]
}
OTHER = "other"
OTHER_PATTERN = re.compile(r"[\w][\w.\-/ ]{0,78}[\w]|\w")


def normalize_code(code: str) -> str:
    return " ".join(str(code or "").split()).upper()


def check_code(framework: str, code: str, *, imported: set[str] | None = None) -> str | None:
    """Return an error message for a code its framework would not write, else None."""
    known = FRAMEWORKS.get(framework)
    if known is not None:
        if known.pattern.fullmatch(code):
            return None
        return str(
            _("“%(code)s” is not a %(framework)s code; they look like %(example)s.")
            % {"code": code, "framework": known.name, "example": known.example}
        )
    if framework == OTHER:
        return (
            None if OTHER_PATTERN.fullmatch(code) else str(_("Write the code as it is published."))
        )
    if imported is not None and code in imported:
        return None
    return str(_("That code is not in the imported framework; choose one from the catalogue."))
