"""Masking personal data on anything others can see (screens, receipts, boards)."""

from __future__ import annotations

# Two-character surnames that must be kept whole when masking a name.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "令狐",
        "夏侯",
        "轩辕",
        "端木",
        "南宫",
        "西门",
        "独孤",
        "钟离",
        "闻人",
        "澹台",
        "申屠",
        "太史",
        "公冶",
        "濮阳",
        "淳于",
        "单于",
    ]
)


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    if len(phone) == 11 and phone.startswith("1"):
        return f"{phone[:3]}****{phone[-4:]}"
    if len(phone) > 4:
        return "*" * (len(phone) - 4) + phone[-4:]
    return "*" * len(phone)


def mask_id_number(number: str | None, strict: bool = False) -> str:
    """First 6 + last 4 (hides the birth date); strict keeps first 1 + last 2."""
    if not number:
        return ""
    if strict:
        return number[:1] + "*" * (len(number) - 3) + number[-2:]
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def surname_of(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def mask_name(name: str | None) -> str:
    if not name:
        return ""
    surname = surname_of(name)
    return surname + "*" * max(len(name) - len(surname), 1)
