"""Phone numbers: mainland mobiles and fixed lines (Nantong is 0513)."""

from __future__ import annotations

import re

from haian_desk.core.errors import ValidationError
from haian_desk.core.normalise import number_text

_MOBILE = re.compile(r"1[3-9]\d{9}")
_FIXED = re.compile(r"0\d{2,3}\d{7,8}")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_COUNTRY = re.compile(r"(\+86|0086|86(?=1[3-9]\d{9}$))")


def parse_phone(raw: str, area_code: str = "0513") -> str:
    """Normalise a phone number; a bare local number gets the area code.

    Typed forms are normalised first (haian_desk.core.normalise: full-width and other
    scripts' digits, spaces, hyphens, brackets); +86, 0086 and 86 before a
    mobile number are the country code and dropped.
    """
    text = digits_of(raw)
    if not text.isdigit() or not text.isascii():
        raise ValidationError("电话号码只能包含数字", "请重新输入，例如 13812345678", field="phone")
    if _MOBILE.fullmatch(text) or _FIXED.fullmatch(text):
        return text
    if _LOCAL.fullmatch(text):
        return area_code + text
    if text.startswith("1"):
        raise ValidationError(
            "手机号应为11位，现在是{n_text}位", "请核对号码", field="phone", params={"n_text": len(text)}
        )
    raise ValidationError("不是有效的电话号码", "手机号11位；座机请带区号，如 0513-88123456", field="phone")


def digits_of(raw: str) -> str:
    """The phone as typed, normalised, without the country code (not yet checked)."""
    text = number_text(raw, "电话号码", "phone")
    match = _COUNTRY.match(text)
    return text[match.end() :] if match else text
