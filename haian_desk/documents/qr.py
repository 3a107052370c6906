"""What the QR code on a case paper says: the case number and the station code.

Plain ASCII, so a keyboard-wedge scanner at the counter types it correctly
into any search box, and a phone shows something a person can read.
"""

from __future__ import annotations

PREFIX = "HAIAN-DESK"


def payload(case_no: str, unit_code: str) -> str:
    return f"{PREFIX};CASE={case_no};UNIT={unit_code}"


def parse(text: str) -> tuple[str, str] | None:
    """(case number, station code) from a scanned code, or None if it is not ours."""
    parts = text.strip().split(";")
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    fields = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    if not fields.get("CASE") or not fields.get("UNIT"):
        return None
    return fields["CASE"], fields["UNIT"]
