"""Assessment (考核): figures per cadre, station, township and county for a period,
computed from the recorded matters and records, never typed in again.

Definitions: docs/assessment.md. Entry point: ``report.build(desk, parse_period("2026H1"))``.
"""

from haian_desk.assessment.periods import Period, parse_period
from haian_desk.assessment.report import Report, build

__all__ = ["Period", "Report", "build", "parse_period"]
