"""Reading one cell as the text, number or date a person meant.

Spreadsheet cells arrive as str, float, int, bool, date or datetime. A long
number typed into a cell Excel treats as a number is kept as a float with only
15 significant digits: an 18-digit ID number comes back as 3.20621E+17 with its
last digits gone. That is detected here and refused in words that say how to
fix the file, never silently "repaired".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from haian_desk.core.errors import ValidationError

# Excel keeps 15 significant digits; a number with more lost its tail.
_EXACT_DIGITS = 15
_SCIENTIFIC = re.compile(r"^[0-9０-９](?:[.．][0-9０-９]+)?[eE][+＋]?[0-9０-９]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060\ufeff]")
_EXCEL_EPOCH = date(1899, 12, 30)


class NumberStoredAsNumber(ValidationError):
    """A long number whose column was formatted as a number: its digits are lost."""


def stored_as_number(header: str, field: str) -> NumberStoredAsNumber:
    return NumberStoredAsNumber(
        "“{header}”列被存成了数字（如 3.20621E+17），超过15位的数字后几位已经丢失",
        "请在 Excel/WPS 中把这一列设为“文本”格式，再重新录入{header}（只改格式找不回丢失的数字）",
        field=field,
        params={"header": header},
    )


def text(value: object) -> str:
    """A cell as plain text: trimmed, control characters removed, integers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return _CONTROL.sub("", unicodedata.normalize("NFC", str(value))).strip()


def digits_text(value: object, header: str, field: str) -> str:
    """A cell that holds a long number (ID number, phone); refuses one Excel has rounded."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        if not number.is_integer() or abs(number) >= 10**_EXACT_DIGITS:
            raise stored_as_number(header, field)
        return str(int(number))
    raw = text(value)
    if _SCIENTIFIC.match(raw.replace(" ", "")):
        raise stored_as_number(header, field)
    return raw


_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$"
)
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def when(value: object, header: str, field: str) -> datetime | date:
    """A date (or date and time) cell; raises ValidationError naming the impossible date."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        serial = float(value)  # a date cell formatted as a number: days since 1899-12-30
        moment = datetime.combine(_EXCEL_EPOCH, time()) + timedelta(days=serial)
        return moment.date() if serial.is_integer() else moment
    raw = unicodedata.normalize("NFKC", text(value))
    match = _DATE_TEXT.match(raw) or _DATE_COMPACT.match(raw)
    if not match:
        raise ValidationError(
            "{header}“{raw}”不是日期",
            "请写成 2024-05-06 这样的日期",
            field=field,
            params={"header": header, "raw": raw},
        )
    parts = [int(p) for p in match.groups() if p is not None]
    try:
        year, month, day, *clock = parts
        if clock:
            hour, minute, second = (*clock, 0, 0)[:3]
            return datetime(year, month, day, hour, minute, second)
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            "{header}“{raw}”不存在（没有这一天）", "请核对年月日", field=field, params={"header": header, "raw": raw}
        ) from None
