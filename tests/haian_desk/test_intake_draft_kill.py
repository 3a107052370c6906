"""A kill at any moment of an intake never leaves the draft of a registered matter.

The draft used to be discarded in its own transaction after the intake's: a
kill between the two left a draft the next start offered back, and saving it
made the same matter twice. Now the draft goes in the intake's transaction.
A real process is killed with SIGKILL while it types and saves matters.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

from haian_desk.cases import drafts
from haian_desk.cases.operations import Intake, take_in
from haian_desk.desk import Desk

ROOT = Path(__file__).resolve().parents[2]

# The counter's loop: a draft saved as the clerk types, then the matter saved from it.
CHILD = """
import sys
from haian_desk.cases import drafts
from haian_desk.cases.operations import Intake, take_in
from haian_desk.desk import Desk

desk = Desk.open(__import__("pathlib").Path(sys.argv[1]))
villager, cadre, start = sys.argv[2], sys.argv[3], int(sys.argv[4])
for i in range(start, start + 100000):
    text = f"第{i}件：反映道路破损"
    drafts.save(desk, "clerk", drafts.INTAKE, {"description": text})
    print(i, flush=True)
    take_in(desk, "clerk", Intake(kind="opinion", villager_id=villager, description=text,
                                 first_cadre_id=cadre), draft=drafts.INTAKE)
    print("saved", flush=True)  # the parent's kill lands right after a commit: the old window
"""


def _kill_after(folder: Path, villager: str, cadre: str, start: int, lines: int) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), villager, cadre, str(start)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        for _ in range(lines):
            if not child.stdout.readline():
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()


def test_a_killed_intake_never_leaves_the_draft_of_a_registered_matter(desk, villager_id, cadre_id, clock):
    folder = desk.folder
    desk.close()
    for round_, lines in enumerate((2, 4, 6, 9, 12, 17)):
        _kill_after(folder, villager_id, cadre_id, 1000 * (round_ + 1), lines)
        reopened = Desk.open(folder, wall=clock)
        try:
            left = drafts.load(reopened, "clerk", drafts.INTAKE)
            if left is not None:
                text = left.body["description"]
                assert not reopened.db.scalar("SELECT count(*) FROM cases WHERE description = ?", (text,)), (
                    f"round {round_}: the draft of a registered matter was left behind"
                )
        finally:
            reopened.close()


def test_an_intake_and_its_draft_go_together_or_not_at_all(desk, villager_id, cadre_id):
    drafts.save(desk, "clerk", drafts.INTAKE, {"description": "反映路灯不亮"})
    refused = Intake(
        kind="opinion", villager_id="no-such-villager", description="反映路灯不亮", first_cadre_id=cadre_id
    )
    with contextlib.suppress(Exception):
        take_in(desk, "clerk", refused, draft=drafts.INTAKE)
    assert drafts.load(desk, "clerk", drafts.INTAKE) is not None  # refused: the typing is kept
    good = Intake(kind="opinion", villager_id=villager_id, description="反映路灯不亮", first_cadre_id=cadre_id)
    take_in(desk, "clerk", good, draft=drafts.INTAKE)
    assert drafts.load(desk, "clerk", drafts.INTAKE) is None
