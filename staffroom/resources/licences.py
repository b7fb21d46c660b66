"""The licences a resource can carry, and what each allows a remix to be.

The rules follow the Creative Commons licences themselves: all rights reserved cannot be
adapted; ShareAlike adaptations keep the same licence; NonCommercial stays NonCommercial;
attribution is always kept, by the lineage the library records.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Licence(models.TextChoices):
    CC_BY = "cc-by", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc", "CC BY-NC 4.0"
    CC_BY_NC_SA = "cc-by-nc-sa", "CC BY-NC-SA 4.0"
    CC0 = "cc0", "CC0 1.0"
    ALL_RIGHTS_RESERVED = "arr", _("All rights reserved")


@dataclass(frozen=True)
class LicenceTerms:
    code: str
    name: str
    summary: str
    deed_url: str
    legal_url: str
    remixable: bool
    share_alike: bool
    non_commercial: bool


_CC = "https://creativecommons.org/licenses"
TERMS = {
    Licence.CC_BY: LicenceTerms(
        Licence.CC_BY,
        "Creative Commons Attribution 4.0 International",
        _("Share and adapt for any purpose, crediting the author."),
        f"{_CC}/by/4.0/",
        f"{_CC}/by/4.0/legalcode",
        True,
        False,
        False,
    ),
    Licence.CC_BY_SA: LicenceTerms(
        Licence.CC_BY_SA,
        "Creative Commons Attribution-ShareAlike 4.0 International",
        _("Share and adapt, crediting the author; adaptations keep this licence."),
        f"{_CC}/by-sa/4.0/",
        f"{_CC}/by-sa/4.0/legalcode",
        True,
        True,
        False,
    ),
    Licence.CC_BY_NC: LicenceTerms(
        Licence.CC_BY_NC,
        "Creative Commons Attribution-NonCommercial 4.0 International",
        _("Share and adapt for non-commercial purposes, crediting the author."),
        f"{_CC}/by-nc/4.0/",
        f"{_CC}/by-nc/4.0/legalcode",
        True,
        False,
        True,
    ),
    Licence.CC_BY_NC_SA: LicenceTerms(
        Licence.CC_BY_NC_SA,
        "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
        _("Share and adapt non-commercially, crediting the author; adaptations keep this licence."),
        f"{_CC}/by-nc-sa/4.0/",
        f"{_CC}/by-nc-sa/4.0/legalcode",
        True,
        True,
        True,
    ),
    Licence.CC0: LicenceTerms(
        Licence.CC0,
        "CC0 1.0 Universal (public domain dedication)",
        _("No rights reserved: use it in any way, no credit required."),
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
        True,
        False,
        False,
    ),
    Licence.ALL_RIGHTS_RESERVED: LicenceTerms(
        Licence.ALL_RIGHTS_RESERVED,
        "All rights reserved",
        _("Read and use it in your class; copying or adapting needs the author's permission."),
        "",
        "",
        False,
        False,
        False,
    ),
}


def terms(code: str) -> LicenceTerms:
    return TERMS[Licence(code)]


def remix_licences(source: str) -> list[str]:
    """The licences an adaptation of a resource under ``source`` may carry, best first."""
    source_terms = terms(source)
    if not source_terms.remixable:
        return []
    if source == Licence.CC0:
        return list(Licence.values)
    if source_terms.share_alike:
        return [source]
    if source_terms.non_commercial:
        return [Licence.CC_BY_NC, Licence.CC_BY_NC_SA]
    # CC BY: any licence that still requires credit.
    return [
        Licence.CC_BY,
        Licence.CC_BY_SA,
        Licence.CC_BY_NC,
        Licence.CC_BY_NC_SA,
        Licence.ALL_RIGHTS_RESERVED,
    ]
