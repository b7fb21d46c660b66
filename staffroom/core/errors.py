"""Domain errors raised by services; views show them as messages, the API as 4xx JSON."""


class ServiceError(Exception):
    """A write was refused for a reason the user can act on; nothing was changed."""

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code
