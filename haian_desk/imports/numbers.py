"""ID numbers and phones as spreadsheets hold them, made ready for the domain's parsers.

Full-width digits and Ｘ (a Chinese input method in 全角 mode), spaces and
hyphens inside, a lower-case x, a "+86"/"86" in front: where the meaning is
certain the text is tidied, then ``idnumber.parse_id_number`` and
``phone.parse_phone`` decide, so a number is judged the same way here as when
typed at the counter.
"""

from __future__ import annotations

import re
import unicodedata

from haian_desk.imports.cells import digits_text
from haian_desk.people.idnumber import parse_id_number
from haian_desk.people.phone import parse_phone

_INSIDE = re.compile(r"[\s\-‐‑–—_·.]")


def id_number(raw: object, header: str) -> str:
    """The 18-character ID number (a 15-digit one converted); raises ValidationError."""
    text = unicodedata.normalize("NFKC", digits_text(raw, header, "id_number"))
    text = _INSIDE.sub("", text).upper()
    if text.startswith("'"):  # Excel's "treat as text" mark, exported into a CSV
        text = text[1:]
    return parse_id_number(text).value


def phone(raw: object, header: str) -> str:
    text = unicodedata.normalize("NFKC", digits_text(raw, header, "phone"))
    text = "".join(text.split()).lstrip("'")
    if re.fullmatch(r"86-?1[3-9]\d{9}", text):
        text = text.replace("-", "")[2:]
    return parse_phone(text)
