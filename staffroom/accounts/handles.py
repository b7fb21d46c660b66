"""Member handles: the ``@sam_rivera`` that posts use to mention someone.

A handle has 2–40 letters (any script), digits, underscores, dots and hyphens, and starts
and ends with a letter or digit, so ``staffroom.core.markdown`` finds every handle whole
after an @. Handles are compared casefolded: @Sam and @sam are one person on every database.
"""

import random
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HANDLE_MAX_LENGTH = 40
# Casefolding can lengthen a string ("ß" becomes "ss"), three times at most.
HANDLE_KEY_MAX_LENGTH = 3 * HANDLE_MAX_LENGTH
# What a new account is called until its member chooses a name.
PLACEHOLDER_BASE = "member"

# Stricter than the mention pattern at the ends: "@_sam_" would be read as emphasis.
_HANDLE = re.compile(rf"[^\W_][\w.-]{{0,{HANDLE_MAX_LENGTH - 2}}}[^\W_]")
_WORD = re.compile(r"\w+")
# Titles before a name ("Dr. Lena Whitaker") make a handle longer, not clearer.
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"})
_APOSTROPHES = re.compile(r"['’ʼ`]")

# Names that would read as a group, a role or the site itself in a mention.
RESERVED = frozenset(
    {
        "admin",
        "administrator",
        "admins",
        "all",
        "anonymous",
        "channel",
        "everyone",
        "group",
        "here",
        "help",
        "me",
        "members",
        "moderator",
        "moderators",
        "mods",
        "nobody",
        "root",
        "security",
        "staff",
        "staffroom",
        "steward",
        "stewards",
        "support",
        "system",
        "team",
    }
)

MESSAGES = {
    "invalid": _(
        "Use 2 to 40 letters, digits, underscores, dots and hyphens, starting and ending with "
        "a letter or digit."
    ),
    "reserved": _("That handle is reserved. Choose another one."),
    "taken": _("Someone already has that handle. Choose another one."),
}


def normalize_handle(value: str) -> str:
    """Tidy what a member typed: no spaces around it, no leading @, composed accents."""
    value = str(value).strip()
    if value.startswith("@"):
        value = value[1:]
    return unicodedata.normalize("NFC", value)


def handle_key(value: str) -> str:
    """Return the form handles are compared and stored unique in."""
    return unicodedata.normalize("NFC", value).casefold()


def is_handle(value: str) -> bool:
    """Tell whether a string is a well-formed handle, reserved or not."""
    return len(value) <= HANDLE_MAX_LENGTH and _HANDLE.fullmatch(value) is not None


def validate_handle_format(value: str) -> None:
    """Refuse a handle that mentions cannot find or that is reserved."""
    if not is_handle(value):
        raise ValidationError(MESSAGES["invalid"], code="invalid")
    if handle_key(value) in RESERVED:
        raise ValidationError(MESSAGES["reserved"], code="reserved")


def handle_taken(value: str, *, exclude_profile_id: int | None = None) -> bool:
    """Tell whether another profile has this handle, in any case."""
    # Imported here: models.py uses this module's validators.
    from staffroom.accounts.models import Profile

    others = Profile.objects.filter(handle_key=handle_key(value))
    if exclude_profile_id is not None:
        others = others.exclude(pk=exclude_profile_id)
    return others.exists()


def validate_handle(value: str, *, exclude_profile_id: int | None = None) -> str:
    """Return the handle as it will be stored, or raise why it cannot be had."""
    value = normalize_handle(value)
    validate_handle_format(value)
    if handle_taken(value, exclude_profile_id=exclude_profile_id):
        raise ValidationError(MESSAGES["taken"], code="taken")
    return value


def handle_base(text: str) -> str:
    """Turn a name into handle characters: “Lucía O'Brien” becomes ``lucia_obrien``."""
    # Compatibility forms (ﬁ, full-width letters) become plain ones; accents on Latin letters
    # are dropped so the handle is easy to type, while other scripts keep their marks.
    decomposed = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", str(text)))
    kept: list[str] = []
    base_is_ascii = False
    for char in decomposed:
        if unicodedata.combining(char):
            if base_is_ascii:
                continue
        else:
            base_is_ascii = char.isascii()
        kept.append(char)
    folded = unicodedata.normalize("NFC", "".join(kept)).casefold()
    # A word whose script needs marks that mentions cannot hold (प्रिया) would come out
    # mangled, so it is left out; a name made only of such words gets the placeholder.
    words = [word for word in _words(folded) if _WORD.fullmatch(word)]
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    base = "_".join(words).strip("_")
    base = _fit(base, HANDLE_MAX_LENGTH)
    return base if is_handle(base) else PLACEHOLDER_BASE


def handle_candidates(base: str, *, count: int = 20):
    """Yield handles to try for a base: itself, then with 2…9, then with random numbers."""
    yield base
    for number in range(2, 10):
        yield handle_with_number(base, number)
    for _attempt in range(count):
        yield handle_with_number(base, random.randint(10, 99_999))


def generate_handle(text: str, *, exclude_profile_id: int | None = None) -> str:
    """Make a free handle from a name, adding a number when the plain one is taken."""
    from staffroom.accounts.models import Profile

    base = handle_base(text)
    for _round in range(10):
        candidates = [
            handle for handle in handle_candidates(base) if handle_key(handle) not in RESERVED
        ]
        taken = Profile.objects.filter(handle_key__in=[handle_key(h) for h in candidates])
        if exclude_profile_id is not None:
            taken = taken.exclude(pk=exclude_profile_id)
        taken_keys = set(taken.values_list("handle_key", flat=True))
        for handle in candidates:
            if handle_key(handle) not in taken_keys:
                return handle
    raise RuntimeError(f"No free handle found for {base!r}.")


def handle_with_number(base: str, number: int) -> str:
    """Add a number to a handle base, shortening the base so the whole stays 40 long."""
    suffix = str(number)
    return _fit(base, HANDLE_MAX_LENGTH - len(suffix)) + suffix


def _words(text: str) -> list[str]:
    """Split text into words, keeping each word's combining marks with it."""
    words: list[str] = []
    current = ""
    for char in text:
        if char.isalnum() or char == "_" or unicodedata.category(char).startswith("M"):
            current += char
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def _fit(base: str, length: int) -> str:
    # A cut can leave a dot or hyphen at the end, which a mention would not include.
    return base[:length].rstrip("_.-")
