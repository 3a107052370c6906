"""Domain messages in the reader's language, for the command line (no Qt here).

The interface translates through Qt (``ui.widgets.feedback.explain``). The CLI
must not pull Qt into the domain, so this module reads the same compiled
catalogue (``resources/translations/haian_desk_<lang>.qm``, which lrelease
writes with source texts and contexts) with a few lines of ``struct``. A
missing or unreadable catalogue means Chinese, as before.

Language: ``--lang en`` on the command line, else ``LC_ALL``/``LC_MESSAGES``/
``LANG`` starting with ``en``.
"""

from __future__ import annotations

import logging
import os
import struct
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from haian_desk.core.errors import LIST_SEPARATOR, HaianError, Message, fill
from haian_desk.core.paths import resource_path

log = logging.getLogger(__name__)

DOMAIN = "domain"
VOCABULARY = "Vocabulary"
CLI = "CLI"  # the command line's own words: help texts and printed lines (tools/cli_messages.py)
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES_BLOCK = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
_language = ["zh_CN"]


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(key, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def set_language(language: str | None) -> str:
    _language[0] = language if language in ("en", "zh_CN") else "zh_CN"
    return _language[0]


def current_language() -> str:
    return _language[0]


@lru_cache(maxsize=4)
def catalogue(language: str) -> dict[tuple[str, str], str]:
    """(context, source) → translation from the compiled .qm; empty if there is none."""
    if language == "zh_CN":
        return {}
    try:
        return read_qm(resource_path("translations", f"haian_desk_{language}.qm").read_bytes())
    except (OSError, ValueError, struct.error) as error:
        log.warning("translations for %s unreadable: %s", language, error)
        return {}


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a .qm file")
    found: dict[tuple[str, str], str] = {}
    at = len(_QM_MAGIC)
    while at + 5 <= len(data):
        tag, length = data[at], struct.unpack_from(">I", data, at + 1)[0]
        if tag == _MESSAGES_BLOCK:
            _read_messages(data[at + 5 : at + 5 + length], found)
        at += 5 + length
    return found


def _read_messages(block: bytes, found: dict[tuple[str, str], str]) -> None:
    at, message = 0, dict[str, str]()
    while at < len(block):
        tag = block[at]
        at += 1
        if tag == _END:
            if "translation" in message and "source" in message:
                found.setdefault((message.get("context", ""), message["source"]), message["translation"])
            message = {}
        elif tag == _OBSOLETE1:
            at += 4
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            length = struct.unpack_from(">I", block, at)[0]
            at += 4
            if length == 0xFFFFFFFF:
                continue
            raw = block[at : at + length]
            at += length
            if tag == _TRANSLATION:
                message.setdefault("translation", raw.decode("utf-16-be"))
            elif tag == _SOURCE:
                message["source"] = raw.decode("utf-8")
            elif tag == _CONTEXT:
                message["context"] = raw.decode("utf-8")
        else:
            raise ValueError(f"unknown .qm tag {tag}")


def translate(context: str, text: str, language: str | None = None) -> str:
    if not text:
        return text
    return catalogue(language or current_language()).get((context, text), text)


def cli_tr(template: str, **params: Any) -> str:
    """A help text or printed line of the command line in the reader's language.

    ``template`` is Chinese with named ``{parameters}`` (the key in the catalogue's
    ``CLI`` context); the values given are filled in after, untranslated (they are data).
    """
    text = translate(CLI, template)
    separator = translate(DOMAIN, LIST_SEPARATOR)  # a list given is written 甲、乙 / a, b
    params = {k: separator.join(map(str, v)) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
    try:
        return fill(text, params)
    except (KeyError, IndexError, ValueError):  # a translation naming a parameter wrongly
        log.warning("translation of %r does not fit its parameters", template)
        return fill(template, params)


def translated_params(params: Mapping[str, Any], language: str | None = None) -> dict[str, Any]:
    """Parameters that are the domain's own words (a status, a role) or Messages, translated."""
    return {key: _param(value, language) for key, value in params.items()}


def _param(value: Any, language: str | None) -> Any:
    if isinstance(value, (list, tuple)):
        return translate(DOMAIN, LIST_SEPARATOR, language).join(str(_param(v, language)) for v in value)
    if isinstance(value, Message):
        return message_text(value, language)
    if isinstance(value, str):  # a domain word (a status), or words handed to a helper (备注内容)
        return word(value, language)
    return value


def word(text: str, language: str | None = None) -> str:
    """A word of the domain's (a kind, a status, a column's name) in ``language``; other text as it is."""
    said = translate(VOCABULARY, text, language)
    return translate(DOMAIN, text, language) if said == text else said


def message_text(message: Message, language: str | None = None) -> str:
    try:
        return fill(translate(DOMAIN, message.template, language), translated_params(message.params, language))
    except (KeyError, IndexError, ValueError):
        return str(message)


def error_parts(error: HaianError, language: str | None = None) -> tuple[str, str]:
    """(message, hint) of a domain error in ``language`` (default: the one set)."""
    params = translated_params(error.params, language)
    try:
        return (
            fill(translate(DOMAIN, error.template, language), params),
            fill(translate(DOMAIN, error.hint_template, language), params),
        )
    except (KeyError, IndexError, ValueError):  # a translation naming a parameter wrongly
        log.warning("translation of %r does not fit its parameters", error.template)
        return error.message, error.hint


def error_text(error: HaianError, language: str | None = None) -> str:
    """The message and what to do on one line, ``…（…）`` or ``… (…)``, without a prefix."""
    message, hint = error_parts(error, language)
    if not hint:
        return message
    return f"{message}（{hint}）" if (language or current_language()) == "zh_CN" else f"{message} ({hint})"


def error_line(error: HaianError, language: str | None = None) -> str:
    """One line for stderr: ``错误：…（…）`` or ``Error: … (…)``."""
    message, hint = error_parts(error, language)
    if (language or current_language()) == "zh_CN":
        return f"错误：{message}（{hint}）" if hint else f"错误：{message}"
    return f"Error: {message} ({hint})" if hint else f"Error: {message}"
