"""How this machine shows the app: language and large print (长辈模式).

Kept in a small JSON file in the installation's folder, not in the database:
they belong to the PC at the counter, never sync, and must be readable before
anyone logs in (the login window already speaks the chosen language).
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger(__name__)
FILENAME = "preferences.json"


@dataclass(frozen=True)
class Preferences:
    language: str = DEFAULT_LANGUAGE
    large_print: bool = False

    def but(self, **changes) -> Preferences:
        return replace(self, **changes)


def load(folder: Path | None) -> Preferences:
    """The saved preferences, or the defaults when there are none or they cannot be read."""
    path = folder / FILENAME if folder else None
    if path is None or not path.exists():
        return Preferences()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable %s: %s", path, error)
        return Preferences()
    language = data.get("language") if data.get("language") in LANGUAGES else DEFAULT_LANGUAGE
    return Preferences(language=language, large_print=bool(data.get("large_print", False)))


def save(folder: Path, preferences: Preferences) -> None:
    """Write atomically, so a power cut leaves the old file or the new one, never half."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILENAME
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(preferences), ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
