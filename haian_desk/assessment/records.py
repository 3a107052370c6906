"""The assessment's figures from records beside the cases: paired-support households
(visited as planned) and complaints about handling (docs/assessment.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from haian_desk.assessment.periods import Period
from haian_desk.assessment.tally import Tally
from haian_desk.community import complaints, support

if TYPE_CHECKING:
    from haian_desk.storage.reading import Rows

TalliesFor = Callable[[str, str | None], list[Tally]]


def add_records(rows: Rows, period: Period, as_of: str, tallies_for: TalliesFor) -> set[str]:
    """Add households and complaints to the tallies; returns the station codes they belong to."""
    stations: set[str] = set()
    for household in support.plan_status_in(rows, period.start, period.end, as_of):
        for tally in tallies_for(household.unit_code, household.cadre_id):
            tally.add_household(household.as_planned)
        stations.add(household.unit_code)
    for complaint in complaints.received_in_rows(rows, period.start, period.end):
        for tally in tallies_for(complaint.unit_code, complaint.cadre_id):
            tally.add_complaint(complaint.result)
        stations.add(complaint.unit_code)
    return stations
