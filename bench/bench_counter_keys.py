"""The counter path in keys: how many keys a clerk presses for a whole walk-in.

Runs tests/ui/test_counter_path.py (the walk-ins played by key events in the main
window at 1366×768, offscreen) and reads the counts each test records. Baseline:
the keys that carry data (digits of an ID number and phone, pinyin letters and
the Space that commits them); the rest is moving about the form, choosing and
printing. Goal ≤ 60 keys per walk-in; the test itself fails above 80.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from bench.common import Report, main

ROOT = Path(__file__).resolve().parent.parent
PATHS = {
    "known_villager_errand": "known villager (pinyin initials), 事务代办 with 5 materials, receipt to PDF",
    "new_villager_with_id": "new villager with ID number and phone, 民意代言, receipt to PDF",
    "claim_with_authorisation": "诉求代理: receipt + 授权委托书 to PDF, 委托书已签 and 受理 from the queue",
}
GOAL = 60


def counts() -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        junit = Path(folder) / "counter.xml"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"--junitxml={junit}",
                "tests/ui/test_counter_path.py",
            ],
            cwd=ROOT,
            check=True,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        found = {}
        for prop in ET.parse(junit).iter("property"):
            found[prop.get("name")] = int(prop.get("value"))
        return found


def run(_scale) -> Report:
    report = Report("counter_keys", "The counter path, in keys (1366×768, keyboard only)")
    found = counts()
    for path, what in PATHS.items():
        keys, data = found[f"keys_{path}"], found[f"data_{path}"]
        report.add(
            f"keys for a walk-in: {path}", keys, "keys", f"≤ {GOAL}", keys <= GOAL, data, "keys that carry data", what
        )
        if keys > GOAL:
            report.notes.append(
                f"{path} misses {GOAL} by what is said, not by moving about: {data} of its "
                f"{keys} keys are data, {keys - data} move through the form and print."
            )
    report.notes.append(
        "Chinese is counted as typed through an input method: each pinyin letter "
        "plus one Space to commit; a printer-less PC takes each paper as a PDF (one Enter)."
    )
    return report


if __name__ == "__main__":
    main(run)
