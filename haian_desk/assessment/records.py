"""The assessment's figures from records other than cases: paired-support households and
complaints. Filled in as those records exist; returns the station codes they mention."""

from __future__ import annotations


def add_records(desk, period, as_of: str, tallies_for) -> set[str]:
    return set()
