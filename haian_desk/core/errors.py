"""Errors a user can read.

Every error raised by the domain carries a message in plain Chinese that says
what was wrong and, where there is one, what to do about it.

A message is a template plus named parameters::

    ValidationError("数据库版本（{before}）比本程序（{latest}）新", hint="请升级程序",
                    params={"before": before, "latest": LATEST})

``str(error)``, ``error.message`` and ``error.hint`` are the Chinese text with
the parameters filled in (the CLI and the logs read them). The templates are
the stable keys the interface translates where the error is shown (context
``domain`` in the .ts files; see ``ui.widgets.feedback.explain`` and
``haian_desk.core.messages``). ``tools/domain_messages.py`` turns f-string messages
into this form and collects the templates for translation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LIST_SEPARATOR = "、"  # a list parameter (materials, units) is written 甲、乙; English says "a, b"


def fill(template: str, params: Mapping[str, Any]) -> str:
    """The template with its parameters; a template without parameters is taken as it is."""
    if not params:
        return template
    return template.format(
        **{
            key: LIST_SEPARATOR.join(map(str, value)) if isinstance(value, (list, tuple)) else value
            for key, value in params.items()
        }
    )


def N_(text: str) -> str:
    """Mark fixed words for translation (collected into the ``domain`` context); returns them as they are."""
    return text


class Message:
    """Words the domain shows that are not an error: a template, parameters, Chinese by default.

    ``str(message)`` is the Chinese; a screen translates ``template`` (context
    ``domain``) and fills in the parameters, which may be Messages themselves.
    """

    __slots__ = ("template", "params")

    def __init__(self, template: str, params: Mapping[str, Any] | None = None):
        self.template = template
        self.params = dict(params or {})

    def __str__(self) -> str:
        return fill(self.template, self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash(self.template)

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {self.params!r})"


class HaianError(Exception):
    """Base of every error the domain reports to a person."""

    def __init__(self, message: str, hint: str = "", *, params: Mapping[str, Any] | None = None):
        self.template = message
        self.hint_template = hint
        self.params = dict(params or {})
        self.message = fill(message, self.params)
        self.hint = fill(hint, self.params)
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message}（{self.hint}）" if self.hint else self.message


class ValidationError(HaianError):
    """Input that cannot be accepted as typed; ``field`` names the culprit."""

    def __init__(self, message: str, hint: str = "", field: str = "", *, params: Mapping[str, Any] | None = None):
        super().__init__(message, hint, params=params)
        self.field = field


class RuleRefused(HaianError):
    """An action the proxy rules do not allow in the case's current state."""


class NotFound(HaianError):
    """A record that does not exist here."""


class SetupError(HaianError):
    """The installation is missing or not set up as the command needs."""
