"""Resident identity numbers (GB 11643-1999).

18 characters: address code, birth date, sequence (odd = male), check character.
15-digit numbers from before 1999 are upgraded by inserting the century and
computing the check. Any address prefix is accepted: the code records where a
person first registered (Haian people carry 320621 or 320685, and many others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from haian_desk.core.errors import ValidationError
from haian_desk.core.normalise import number_text

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECKS = "10X98765432"
# 3.20621E+17: what Excel or WPS shows for an ID number kept in a number cell.
_SCIENTIFIC = re.compile(r"\d+(\.\d+)?[eE]\+?\d+")


def check_character(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=False))
    return _CHECKS[total % 11]


@dataclass(frozen=True)
class IdNumber:
    value: str

    @property
    def birth_date(self) -> date:
        v = self.value
        return date(int(v[6:10]), int(v[10:12]), int(v[12:14]))

    @property
    def is_male(self) -> bool:
        return int(self.value[16]) % 2 == 1


def _birth_date_or_error(text: str) -> date:
    try:
        born = date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ValidationError(
            "身份证号中的出生日期 {text} 不是有效日期", "请核对第7至14位", field="id_number", params={"text": text}
        ) from None
    if born.year < 1880 or born > date.today():
        raise ValidationError(
            "身份证号中的出生日期 {text} 不合理", "请核对第7至14位", field="id_number", params={"text": text}
        )
    return born


def parse_id_number(raw: str) -> IdNumber:
    """Validate and normalise an ID number; 15-digit numbers come back as 18.

    Full-width digits, digits of other scripts, spaces, hyphens and a lower-case
    x are normalised first (haian_desk.core.normalise): the meaning is certain.
    """
    text = number_text(raw, "身份证号", "id_number")
    if _SCIENTIFIC.fullmatch(raw.strip()):
        raise ValidationError(
            "“{raw}”是被表格存成数字（科学计数法）的身份证号，后几位已经丢失",
            "请对照身份证重新输入完整的18位号码",
            field="id_number",
            params={"raw": raw.strip()},
        )
    stray = [ch for ch in text if not (ch.isascii() and ch.isalnum())]
    if stray:
        raise ValidationError(
            "身份证号里有“{value}”，号码只能由数字和X组成",
            "请删去多余的字符后重新输入",
            field="id_number",
            params={"value": stray[0]},
        )
    if len(text) == 15:
        if not text.isdigit():
            raise ValidationError("15位身份证号只能由数字组成", "请核对号码", field="id_number")
        _birth_date_or_error("19" + text[6:12])
        first17 = text[:6] + "19" + text[6:]
        return IdNumber(first17 + check_character(first17))
    if len(text) != 18:
        raise ValidationError(
            "身份证号应为18位（或旧的15位），现在是{n_text}位",
            "请核对号码",
            field="id_number",
            params={"n_text": len(text)},
        )
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise ValidationError("身份证号前17位应为数字，最后一位为数字或X", "请核对号码", field="id_number")
    _birth_date_or_error(text[6:14])
    expected = check_character(text[:17])
    if text[17] != expected:
        raise ValidationError("身份证号校验位不对，号码中有输错的数字", "请对照身份证逐位核对", field="id_number")
    return IdNumber(text)
