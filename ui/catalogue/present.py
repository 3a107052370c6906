"""How catalogue facts read on screen, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import term


def limit_text(mode: str, time_limit: dict | None) -> str:
    """即办, or the promised time: 48小时 / 10天 / 25个工作日 (general matters: 48 hours)."""
    if mode == "即办":
        return term("即办")
    limit = time_limit or {"amount": 48, "unit": "hours"}
    patterns = {
        "hours": QCoreApplication.translate("Catalogue", "{0}小时"),
        "days": QCoreApplication.translate("Catalogue", "{0}天"),
        "working_days": QCoreApplication.translate("Catalogue", "{0}个工作日"),
    }
    return patterns.get(limit["unit"], "{0}").format(limit["amount"])
