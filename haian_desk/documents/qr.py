"""What the QR code on a case paper says: the case number and the station code.

``HAIAN-DESK/102210-260304-001/320685102210``: only capitals, digits, '-' and
'/', so the code uses QR's compact alphanumeric mode (a smaller code with
bigger squares on narrow thermal paper), a keyboard-wedge scanner at the
counter types it correctly into any search box, and a phone shows something a
person can read.
"""

from __future__ import annotations

PREFIX = "HAIAN-DESK"


def payload(case_no: str, unit_code: str) -> str:
    return f"{PREFIX}/{case_no}/{unit_code}"


def parse(text: str) -> tuple[str, str] | None:
    """(case number, station code) from a scanned code, or None if it is not ours."""
    parts = text.strip().split("/")
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]
