"""The working calendar (工作日历): which days count as working days, and why.

``model`` decides days and counts limits; ``shipped`` reads the official
schedules shipped in resources/; ``store`` folds the calendar events that
travel down the sync tree and says which calendar is in force here;
``files`` reads a published schedule from CSV or JSON; ``operations`` records
publications and recomputes the deadlines a new year changes. docs/calendar.md
writes the rules down.
"""
