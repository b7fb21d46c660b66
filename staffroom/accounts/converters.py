import unicodedata

from staffroom.accounts.handles import is_handle


class HandleConverter:
    """A member handle after the @: anything that is not a well-formed handle is a 404."""

    # Loose on purpose: to_python checks the handle itself, once accents are composed.
    regex = "[^/]{1,200}"

    def to_python(self, value: str) -> str:
        handle = unicodedata.normalize("NFC", value)
        if not is_handle(handle):
            raise ValueError(value)
        return handle

    def to_url(self, value: str) -> str:
        return value
