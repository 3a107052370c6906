"""Guards against a Qt binding that cannot run a working day.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every call of a
Qt method that returns nothing and aborts after a few thousand calls. A clerk's
day makes far more; this fails if the locked binding regresses.
"""

from __future__ import annotations

import subprocess
import sys

PROGRAM = """
from PySide6.QtCore import QObject
o = QObject()
for _ in range(300_000):
    o.setObjectName("x")
print("ok")
"""


def test_many_void_qt_calls_do_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
