"""Every column of an assessment row: its key, its Chinese header, how it is shown.

One list serves the JSON output, the Excel sheets, the PDF and the screen, so a
figure has one name everywhere. What each figure counts is written in
docs/assessment.md (the headers here are its short names).
"""

from __future__ import annotations

from dataclasses import dataclass

from haian_desk.cases.vocabulary import KINDS

LEVELS = {"cadre": "代理员", "station": "代理站", "township": "镇（街道）", "county": "县（市）"}

COUNT, RATE, HOURS, TEXT = "count", "rate", "hours", "text"


@dataclass(frozen=True)
class Field:
    key: str
    header: str
    form: str = COUNT
    additive: bool = True  # a township's value is the sum of its stations' values

    @property
    def width(self) -> int:
        """A sensible spreadsheet column width (in characters) for this column."""
        if self.key == "name":
            return 26
        if self.key in ("code", "unit_code"):
            return 16
        return max(8, min(16, 2 * len(self.header) + 2))


_KIND_FIELDS = [
    Field(f"{figure}_{kind}", f"{label}·{word}")
    for figure, word in (("accepted", "受理"), ("declined", "不予受理"), ("completed", "办结"), ("withdrawn", "撤回"))
    for kind, label in KINDS.items()
]

FIELDS: list[Field] = [
    Field("code", "代码", TEXT, False),
    Field("name", "名称", TEXT, False),
    Field("registered", "登记件数"),
    Field("registered_opinion", "民意代言"),
    Field("registered_errand", "事务代办"),
    Field("registered_claim", "诉求代理"),
    Field("accepted", "受理"),
    Field("declined", "不予受理"),
    Field("completed", "办结"),
    Field("withdrawn", "撤回"),
    Field("transferred", "转办"),
    Field("reopened", "重新办理"),
    Field("timed_completed", "计时办结件数"),
    Field("on_time", "按时办结"),
    Field("on_time_rate", "按时办结率", RATE, False),
    Field("median_hours", "用时中位数(时)", HOURS, False),
    Field("p90_hours", "用时90%分位(时)", HOURS, False),
    Field("open_overdue", "超期未办结"),
    Field("long_standing_resolved", "化解久拖不决"),
    Field("petitions", "信访件数"),
    Field("petitions_prev_year", "上年同期信访"),
    Field("petitions_change", "信访增减"),
    Field("people_served", "服务群众人数", COUNT, False),
    Field("households_paired", "结对帮扶户数"),
    Field("households_visited", "按计划走访户数"),
    Field("visit_plan_rate", "按计划走访率", RATE, False),
    Field("ratings", "评价件数"),
    Field("rating_5", "非常满意"),
    Field("rating_4", "满意"),
    Field("rating_3", "基本满意"),
    Field("rating_2", "不满意"),
    Field("rating_1", "非常不满意"),
    Field("satisfaction_rate", "满意率", RATE, False),
    Field("bad_reviews", "差评"),
    Field("bad_reviews_return_visited", "差评已回访"),
    Field("bad_reviews_rectified", "差评已整改"),
    Field("complaints", "被举报"),
    Field("complaints_upheld", "举报属实"),
    Field("complaints_partly", "部分属实"),
    Field("complaints_unfounded", "举报不属实"),
    Field("complaints_open", "举报未办结"),
    *_KIND_FIELDS,
]

BY_KEY = {f.key: f for f in FIELDS}
# The columns shown first on screens and in the PDF: the ones leaders read first.
SUMMARY_KEYS = (
    "code",
    "name",
    "registered",
    "completed",
    "on_time_rate",
    "median_hours",
    "open_overdue",
    "petitions",
    "people_served",
    "satisfaction_rate",
    "bad_reviews",
    "complaints",
)


def fields_for(level: str) -> list[Field]:
    """A cadre row also says which unit the cadre belongs to."""
    if level != "cadre":
        return FIELDS
    return FIELDS[:2] + [Field("unit_code", "所在单位", TEXT, False)] + FIELDS[2:]
