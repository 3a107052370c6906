"""Feedback while a clerk is still typing an ID number or a phone number.

A number that is merely unfinished is not wrong: the screen says how far along
it is. Only input that can no longer become valid, or a finished number that
fails its check, is reported as wrong, with the reason the final check gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from haian_desk.core.errors import ValidationError
from haian_desk.core.normalise import number_text
from haian_desk.people.idnumber import parse_id_number
from haian_desk.people.phone import digits_of, parse_phone

EMPTY, TYPING, OK, WRONG = "empty", "typing", "ok", "wrong"


@dataclass(frozen=True)
class Feedback:
    state: str
    message: str


def _wrong(error: ValidationError) -> Feedback:
    return Feedback(WRONG, f"{error.message}，{error.hint}" if error.hint else error.message)


def id_number_as_typed(raw: str) -> Feedback:
    try:
        text = number_text(raw, "身份证号", "id_number")
    except ValidationError as error:
        return _wrong(error)
    if not text:
        return Feedback(EMPTY, "")
    if not text[:17].isdigit() or (len(text) == 18 and not (text[17].isdigit() or text[17] == "X")):
        return Feedback(WRONG, "身份证号前17位应为数字，最后一位为数字或X")
    if len(text) < 18 and len(text) != 15:
        return Feedback(TYPING, f"已输入{len(text)}位，共18位")
    try:
        number = parse_id_number(text)
    except ValidationError as error:
        return _wrong(error)
    born = number.birth_date
    note = "（15位旧号码，将自动升为18位）" if len(text) == 15 else ""
    return Feedback(OK, f"出生日期 {born:%Y-%m-%d}，{'男' if number.is_male else '女'}{note}")


def phone_as_typed(raw: str) -> Feedback:
    try:
        digits = digits_of(raw)
    except ValidationError as error:
        return _wrong(error)
    if not digits:
        return Feedback(EMPTY, "")
    try:
        number = parse_phone(raw)
    except ValidationError as error:
        if digits.isdigit() and _could_grow(digits):
            if digits.startswith("1"):
                return Feedback(TYPING, f"已输入{len(digits)}位，手机号共11位")
            return Feedback(TYPING, f"已输入{len(digits)}位（座机请带区号）")
        return _wrong(error)
    return Feedback(OK, "号码正确" if number == digits else f"将记为 {number}")


def _could_grow(digits: str) -> bool:
    """Whether more digits could still make this a valid number."""
    if digits.startswith("1"):
        return len(digits) < 11
    if digits.startswith("0"):
        return len(digits) < 12
    return len(digits) < 8


def new_villager_fields(typed: str) -> dict[str, str]:
    """Which field of a new villager a lookup's unmatched text belongs in.

    A clerk who found nobody has usually typed the person's name, ID number or
    phone; pinyin or initials are no use as a name, so they are dropped.
    """
    text = typed.strip()
    compact = number_text(typed) if not any(0xD800 <= ord(c) <= 0xDFFF for c in typed) else ""
    fields = {"name": "", "id_number": "", "phone": ""}
    if compact[:17].isdigit() and len(compact) in (15, 18):
        fields["id_number"] = compact
    elif compact.isdigit() and len(compact) >= 7:
        fields["phone"] = compact
    elif text and not text.isascii():
        fields["name"] = "".join(text.split())
    return fields
