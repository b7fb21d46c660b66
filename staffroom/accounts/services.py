"""Every change to educator profiles."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.accounts.models import Profile
from staffroom.core.errors import ServiceError

MAX_EXPERTISE_TAGS = 12
MAX_TAG_LENGTH = 40


def parse_expertise(raw: str) -> list[str]:
    """Turn “questioning, formative assessment” into a clean list of tags."""
    tags: list[str] = []
    for part in raw.replace("\n", ",").split(","):
        tag = " ".join(part.split())
        if tag and tag.lower() not in {t.lower() for t in tags}:
            tags.append(tag)
    if len(tags) > MAX_EXPERTISE_TAGS:
        raise ServiceError(
            _("List at most %(n)d areas of expertise.") % {"n": MAX_EXPERTISE_TAGS},
            field="expertise",
        )
    if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
        raise ServiceError(
            _("Keep each area of expertise under %(n)d characters.") % {"n": MAX_TAG_LENGTH},
            field="expertise",
        )
    return tags


@transaction.atomic
def profile_update(
    *,
    profile: Profile,
    display_name: str,
    role: str,
    headline: str = "",
    bio: str = "",
    country: str = "",
    time_zone: str = "UTC",
    ui_language: str = "en",
    years_experience: int | None = None,
    expertise: list[str] | None = None,
    open_to_mentoring: bool = False,
    subjects: Iterable = (),
    grade_bands: Iterable = (),
    languages: Iterable = (),
) -> Profile:
    """Save an educator's profile; the first save marks it complete."""
    display_name = " ".join(display_name.split())
    if not display_name:
        raise ServiceError(_("Tell colleagues what to call you."), field="display_name")
    profile.display_name = display_name
    profile.role = role
    profile.headline = headline.strip()
    profile.bio = bio.strip()
    profile.country = country
    profile.time_zone = time_zone
    profile.ui_language = ui_language
    profile.years_experience = years_experience
    profile.expertise = expertise or []
    profile.open_to_mentoring = open_to_mentoring
    if profile.completed_at is None:
        profile.completed_at = timezone.now()
    profile.full_clean(exclude=["user"])
    profile.save()
    profile.subjects.set(subjects)
    profile.grade_bands.set(grade_bands)
    profile.languages.set(languages)
    return profile
