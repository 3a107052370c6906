"""Why a case's deadline was counted again, in words a screen can translate.

The event keeps the cause as data (who imported which year's calendar, or which
calendars arrived by sync) and these Messages say it: in Chinese on the
timeline by default, in English where the reader chose it.
"""

from __future__ import annotations

from haian_desk.core.errors import Message


def recompute_reason(cause: dict, unchanged: bool) -> list[Message]:
    """Why a deadline was counted again, and what came of it, as Messages."""
    if "imported_by" in cause:
        why = Message(
            "{unit}导入了{year}年工作日历（{source}）",
            {"unit": cause["imported_by"], "year": cause["year"], "source": cause.get("source") or ""},
        )
    else:
        calendars = [
            Message("{who}发布的{year}年工作日历", {"who": who, "year": year}) for year, who in cause["arrived"]
        ]
        why = Message("同步收到{calendars}", {"calendars": calendars})
    return [why, Message("时限不变") if unchanged else Message("按新日历重新计算办结时限")]
