"""Adding matters up into one row of figures (for a cadre, a station, a township or the county).

A ``Tally`` collects counts, the distinct villagers served and the handling
times; ``row()`` turns them into the figures defined in docs/assessment.md.
The rules for what counts live in the ``add_*`` methods, once, whatever the
level: a township's tally sees exactly the matters its stations' tallies see.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

from haian_desk.assessment.history import Matter
from haian_desk.assessment.periods import Period
from haian_desk.cases.vocabulary import BAD_RATINGS, DONE_STATUSES, TIMED_STATUSES

KIND_FIGURES = ("registered", "accepted", "declined", "completed", "withdrawn")
COMPLAINT_RESULTS = ("upheld", "partly", "unfounded")


@dataclass
class Part:
    """One matter's part in a period's figures: the same for its cadre, station, township, county."""

    counts: dict[str, int]
    villager: str | None = None  # served in the period
    handling: int | None = None  # seconds, when completed in the period


def part_of(m: Matter, period: Period, as_of: str, earlier: Period) -> Part:
    """What one case adds to the figures (``as_of``: when "open overdue" is judged)."""
    counts: dict[str, int] = {}
    part = Part(counts)
    happened = {
        "registered": period.contains(m.registered_at),
        "accepted": period.contains(m.accepted_at),
        "declined": period.contains(m.declined_at),
        "completed": m.status in DONE_STATUSES and period.contains(m.completed_at),
        "withdrawn": period.contains(m.withdrawn_at),
    }
    for figure, yes in happened.items():
        if yes:
            counts[figure] = 1
            counts[f"{figure}_{m.kind}"] = 1
    if any(period.contains(t) for t in m.transferred):
        counts["transferred"] = 1
    if any(period.contains(t) for t in m.reopened):
        counts["reopened"] = 1
    if happened["registered"]:
        part.villager = m.villager_id
        counts["petitions"] = int(m.petition)
    if happened["completed"]:
        _completion(m, part)
    if m.status in TIMED_STATUSES and m.deadline is not None and m.deadline < as_of:
        counts["open_overdue"] = 1
    if period.contains(m.rated_at):
        _rating(m, counts)
    if m.petition and earlier.contains(m.registered_at):  # the same dates a year earlier
        counts["petitions_prev_year"] = 1
    return part


def _completion(m: Matter, part: Part) -> None:
    part.counts["long_standing_resolved"] = int(m.long_standing)
    if m.deadline is not None:
        part.counts["timed_completed"] = 1
        part.counts["on_time"] = int(m.completed_at is not None and m.completed_at <= m.deadline)
    part.handling = m.handling_seconds


def _rating(m: Matter, counts: dict[str, int]) -> None:
    counts["ratings"] = 1
    counts[f"rating_{m.rating}"] = 1
    if m.rating in BAD_RATINGS:
        counts["bad_reviews"] = 1
        counts["bad_reviews_return_visited"] = int(m.return_visit_after_rating)
        counts["bad_reviews_rectified"] = int(m.rectified_after_rating)


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    villagers: set = field(default_factory=set)
    handling: list = field(default_factory=list)  # seconds, one per completion

    def add(self, part: Part) -> None:
        counts = self.counts
        for key, value in part.counts.items():
            counts[key] += value
        if part.villager is not None:
            self.villagers.add(part.villager)
        if part.handling is not None:
            self.handling.append(part.handling)

    def merge(self, other: Tally) -> None:
        """Add another tally's matters and records into this one (a station into its township)."""
        self.counts.update(other.counts)
        self.villagers |= other.villagers
        self.handling.extend(other.handling)

    def add_household(self, visited_as_planned: bool) -> None:
        self.counts["households_paired"] += 1
        self.counts["households_visited"] += visited_as_planned

    def add_complaint(self, result: str | None) -> None:
        self.counts["complaints"] += 1
        self.counts[f"complaints_{result}" if result in COMPLAINT_RESULTS else "complaints_open"] += 1

    def row(self) -> dict:
        c = self.counts
        figures: dict[str, float | None] = {key: c.get(key, 0) for key in _COUNT_KEYS}  # no __missing__ call
        figures["petitions_change"] = c["petitions"] - c["petitions_prev_year"]
        figures["people_served"] = len(self.villagers)
        figures["on_time_rate"] = rate(c["on_time"], c["timed_completed"])
        figures["satisfaction_rate"] = rate(c["ratings"] - c["bad_reviews"], c["ratings"])
        figures["visit_plan_rate"] = rate(c["households_visited"], c["households_paired"])
        figures["median_hours"] = hours(median(self.handling))
        figures["p90_hours"] = hours(percentile(self.handling, 90))
        return figures


_COUNT_KEYS = (
    "registered",
    "accepted",
    "declined",
    "completed",
    "withdrawn",
    "transferred",
    "reopened",
    "timed_completed",
    "on_time",
    "open_overdue",
    "long_standing_resolved",
    "petitions",
    "petitions_prev_year",
    "households_paired",
    "households_visited",
    "ratings",
    "rating_5",
    "rating_4",
    "rating_3",
    "rating_2",
    "rating_1",
    "bad_reviews",
    "bad_reviews_return_visited",
    "bad_reviews_rectified",
    "complaints",
    "complaints_upheld",
    "complaints_partly",
    "complaints_unfounded",
    "complaints_open",
    *(f"{figure}_{kind}" for figure in KIND_FIGURES for kind in ("opinion", "errand", "claim")),
)


def rate(part: int, whole: int) -> float | None:
    """A fraction from 0 to 1, or None when there is nothing to rate."""
    return round(part / whole, 4) if whole else None


def median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: list[int], p: int) -> int | None:
    """Nearest-rank percentile: the smallest value at least p% of the values do not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


def hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)
