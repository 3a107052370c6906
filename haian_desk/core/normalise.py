"""Everything typed into the app, in one form: numbers, free text and search text.

One place decides what a keystroke means, so the same person cannot be stored
twice because one clerk typed in full-width (全角) digits and another did not.

- Numbers (ID numbers, phones, case numbers): NFKC first (a Chinese input
  method in 全角 mode types ０-９ and Ｘ; NFKC also turns superscripts ¹²³ and
  circled ① into plain digits), then digits of any other script (Arabic-Indic
  ٣, Devanagari ३ …) become ASCII digits, invisible characters and the
  separators people type inside a number (spaces, hyphens, dots) go, and a
  lower-case x becomes X. What is left is checked by the number's own rule.
- Free text (names, addresses, descriptions): invisible format characters
  (zero-width spaces, bidi overrides such as U+202E, the BOM), NUL and other
  control characters are removed; a lone surrogate (half of a character, left by
  a broken copy and paste) is refused with a message instead of crashing the
  write; rare characters inside and outside the BMP (䶮 堃 𠮷) are kept.
- Search text: the free-text rules, then NFKC, case folding and no spaces, on
  both the stored side and the typed side.
"""

from __future__ import annotations

import re
import unicodedata

from haian_desk.core.errors import ValidationError

# Hyphens and dashes of every width a clerk may type inside a number.
_DASHES = "\\-‐‑‒–—―−－﹣"
_NUMBER_SEPARATORS = re.compile(f"[\\s{_DASHES}.·()（）]")
# The dot between the parts of a minority name (买买提·艾力), in its look-alikes.
_NAME_DOTS = str.maketrans(dict.fromkeys("•‧∙⋅・･．", "·"))


def _is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def refuse_broken(text: str, what: str, field: str) -> None:
    """A lone surrogate cannot be stored (SQLite and JSON both reject it): say so."""
    if any(_is_surrogate(ch) for ch in text):
        raise ValidationError(
            "{what}里有无法识别的字符（可能是复制粘贴时损坏的）",
            "请删去后重新输入{what}",
            field=field,
            params={"what": what},
        )


def _invisible(ch: str) -> bool:
    """Format characters (Cf: zero-width, bidi controls, BOM) and controls other than line breaks."""
    category = unicodedata.category(ch)
    return category == "Cf" or (category == "Cc" and ch not in "\n\t")


# A decimal digit (Unicode category Nd, as str.isdecimal) that is not ASCII: most text has none.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def ascii_digits(text: str) -> str:
    """Every decimal digit, whatever its script, as an ASCII digit."""
    if not _OTHER_DIGIT.search(text):  # nothing to change: skip the walk over every character
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)


def number_text(raw: str, what: str = "号码", field: str = "") -> str:
    """A typed number in plain ASCII: digits and letters only, upper case."""
    refuse_broken(raw, what, field)
    return _settled(_number_once, raw)


def _number_once(text: str) -> str:
    text = ascii_digits(unicodedata.normalize("NFKC", text))
    text = "".join(ch for ch in text if not _invisible(ch))
    return _NUMBER_SEPARATORS.sub("", text).upper()


def _settled(step, text: str) -> str:
    """Apply ``step`` until nothing changes (upper-casing can undo NFKC composition): idempotent."""
    for _ in range(4):
        done = step(text)
        if done == text:
            break
        text = done
    return text


def case_number_text(raw: str) -> str:
    """A typed case number (102210-260304-001): digits in ASCII, one kind of hyphen, no spaces."""
    refuse_broken(raw, "办件编号", "case_no")
    text = ascii_digits(unicodedata.normalize("NFKC", raw))
    text = "".join(ch for ch in text if not _invisible(ch) and not ch.isspace())
    return re.sub(f"[{_DASHES}]", "-", text).upper()


def free_text(raw: str, what: str, field: str = "", multiline: bool = False) -> str:
    """Text a person wrote, with what no one can see removed; stray spaces trimmed."""
    refuse_broken(raw, what, field)
    text = unicodedata.normalize("NFC", raw)
    text = "".join(ch for ch in text if not _invisible(ch))
    if multiline:
        lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
        return "\n".join(lines).strip()
    return " ".join(text.split())


def name_text(raw: str, what: str = "姓名", field: str = "name") -> str:
    """A person's name: free text, NFKC (Kangxi radicals ⼯ → 工, full-width letters), no spaces.

    The dot of a minority name is written one way (·), whichever look-alike was typed.
    """
    text = unicodedata.normalize("NFKC", free_text(raw, what, field))
    return "".join(text.split()).translate(_NAME_DOTS)


def search_text(raw: str) -> str:
    """Text in the form search compares: NFKC, case folded, ASCII digits, no spaces or invisibles.

    Search never refuses: a half character is simply dropped.
    """
    return _settled(_search_once, "".join(ch for ch in raw if not _is_surrogate(ch)))


def _search_once(text: str) -> str:
    if not text.isprintable():  # printable text has no format or control characters to drop
        text = "".join(ch for ch in text if not _invisible(ch))
    text = ascii_digits(unicodedata.normalize("NFKC", text)).casefold()
    return "".join(text.split())


def storable(value, field: str = ""):
    """Any event payload with what must never be stored taken out of its text (the ledger's guard).

    Invisible format characters and control characters other than line breaks
    go; a lone surrogate is refused, naming the field. Nothing else changes:
    the operations have already tidied what they know is free text.
    """
    if isinstance(value, str):
        refuse_broken(value, "输入的内容", field)
        return "".join(ch for ch in value if not _invisible(ch))
    if isinstance(value, dict):
        return {key: storable(item, key) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [storable(item, field) for item in value]
    return value
