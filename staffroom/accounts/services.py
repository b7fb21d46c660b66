"""Every change to educator profiles."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from staffroom.accounts.handles import MESSAGES as HANDLE_MESSAGES
from staffroom.accounts.handles import PLACEHOLDER_BASE, generate_handle, validate_handle
from staffroom.accounts.models import Profile, User
from staffroom.core.errors import ServiceError

MAX_EXPERTISE_TAGS = 12
MAX_TAG_LENGTH = 40
# Two sign-ups can pick the same free handle at once; the loser tries the next one.
HANDLE_ATTEMPTS = 5


def profile_create(*, user: User, display_name: str) -> Profile:
    """Give a new account its profile, with a placeholder handle until a name is chosen."""
    attempts_left = HANDLE_ATTEMPTS
    while True:
        handle = generate_handle(PLACEHOLDER_BASE)
        try:
            profile, _created = Profile.objects.get_or_create(
                user=user, defaults={"display_name": display_name, "handle": handle}
            )
        except IntegrityError:
            # Another sign-up took the same handle a moment ago.
            attempts_left -= 1
            if not attempts_left:
                raise
        else:
            return profile


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
    handle: str = "",
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
    """Save an educator's profile; the first save marks it complete.

    An empty ``handle`` keeps the current one, except on a profile not yet completed: its
    placeholder handle is replaced by one made from the chosen name.
    """
    display_name = " ".join(display_name.split())
    if not display_name:
        raise ServiceError(_("Tell colleagues what to call you."), field="display_name")
    generated = not handle and profile.completed_at is None
    if handle:
        try:
            handle = validate_handle(handle, exclude_profile_id=profile.pk)
        except ValidationError as error:
            raise ServiceError(error.messages[0], field="handle", code=error.code) from None
        profile.handle = handle
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
    for attempt in range(HANDLE_ATTEMPTS):
        if generated:
            profile.handle = generate_handle(display_name, exclude_profile_id=profile.pk)
        # The handle was checked above or made free; the unique index settles any race.
        profile.full_clean(exclude=["user", "handle", "handle_key"])
        try:
            with transaction.atomic():
                profile.save()
        except IntegrityError:
            # Someone took the handle between the check and the write.
            if not generated or attempt == HANDLE_ATTEMPTS - 1:
                raise ServiceError(
                    str(HANDLE_MESSAGES["taken"]), field="handle", code="taken"
                ) from None
        else:
            break
    profile.subjects.set(subjects)
    profile.grade_bands.set(grade_bands)
    profile.languages.set(languages)
    return profile
