"""Errors a user can read.

Every error raised by the domain carries a message in plain Chinese that says
what was wrong and, where there is one, what to do about it.
"""


class HaianError(Exception):
    """Base of every error the domain reports to a person."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}（{self.hint}）" if self.hint else self.message


class ValidationError(HaianError):
    """Input that cannot be accepted as typed; ``field`` names the culprit."""

    def __init__(self, message: str, hint: str = "", field: str = ""):
        super().__init__(message, hint)
        self.field = field


class RuleRefused(HaianError):
    """An action the proxy rules do not allow in the case's current state."""


class NotFound(HaianError):
    """A record that does not exist here."""


class SetupError(HaianError):
    """The installation is missing or not set up as the command needs."""
