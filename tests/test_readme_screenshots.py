"""Every screenshot README.md shows is one `make screenshots` writes (none left to go stale)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_readme_screenshot_is_made_by_make_screenshots():
    shown = set(re.findall(r"docs/screenshots/([\w-]+)\.png", (ROOT / "README.md").read_text(encoding="utf-8")))
    tools = (
        (ROOT / "tools" / "screenshots.py").read_text(encoding="utf-8")
        + (ROOT / "tools" / "sync_screenshots.py").read_text(encoding="utf-8")
        + (ROOT / "tools" / "import_screenshots.py").read_text(encoding="utf-8")
    )
    made = set(re.findall(r'"([\w-]+)(?:\.png)?"', tools)) | set(re.findall(r"f\"\{number:02d\}-\{key\}\"", tools))
    numbered = {f"{n:02d}-{k}" for n, k in enumerate(["intake", "queue", "villagers", "catalogue"], 2)}
    missing = sorted(name for name in shown if name not in made | numbered)
    assert shown and not missing, f"README shows images no tool makes: {missing}"
