"""The four charts of an assessment, made from a report's figures (no figure is computed here)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haian_desk.assessment.report import Report
from haian_desk.cases.vocabulary import KINDS, RATINGS
from ui.assessment.charts import BARS, HBARS, LINE, STACKED, Chart, Series
from ui.i18n import term

KIND_COLOURS = {"opinion": "#4e79a7", "errand": "#59a14f", "claim": "#f28e2b"}
RATING_COLOURS = {5: "#2e7d32", 4: "#66bb6a", 3: "#c0ca33", 2: "#fb8c00", 1: "#e53935"}


def tr(text: str) -> str:
    # lupdate files a module-level tr() under the empty context, so look it up there.
    return QCoreApplication.translate("", text)


def month_labels(report: Report) -> list[str]:
    months = report.period.months()
    one_year = len({year for year, _ in months}) == 1
    return [tr("{0}月").format(m) if one_year else f"{y}-{m:02d}" for y, m in months]


def monthly_volume(report: Report) -> Chart:
    months = report.period.months()
    series = [
        Series(term(label), [report.monthly[m][kind] for m in months], KIND_COLOURS[kind])
        for kind, label in KINDS.items()
    ]
    return Chart(tr("月度办件量（按类型）"), month_labels(report), series, STACKED, empty_text=tr("本期没有登记办件"))


def on_time_by_station(report: Report) -> Chart:
    rows = report.rows["station"]
    return Chart(
        tr("各代理站按时办结率"),
        [r["name"] for r in rows],
        [Series(tr("按时办结率"), [r["on_time_rate"] for r in rows], "#4e79a7")],
        HBARS,
        percent=True,
        empty_text=tr("本期没有计时办结的办件"),
    )


def rating_distribution(report: Report) -> Chart:
    counts = report.rating_distribution()
    levels = list(counts)
    return Chart(
        tr("评价分布"),
        [term(RATINGS[level]) for level in levels],
        [
            Series(
                tr("评价件数"),
                [counts[level] for level in levels],
                "#4e79a7",
                [RATING_COLOURS[level] for level in levels],
            )
        ],
        BARS,
        empty_text=tr("本期没有评价"),
    )


def petition_trend(report: Report) -> Chart:
    last_month = report.as_of_month()
    now: list[float | None] = [n if month <= last_month else None for month, n, _ in report.petitions_monthly]
    before: list[float | None] = [b for _, _, b in report.petitions_monthly]
    return Chart(
        tr("信访件数与上年同期"),
        month_labels(report),
        [Series(tr("本期"), now, "#e15759"), Series(tr("上年同期"), before, "#9e9e9e", dashed=True)],
        LINE,
        empty_text=tr("本期和上年同期都没有信访件"),
    )


def all_charts(report: Report) -> list[Chart]:
    return [monthly_volume(report), on_time_by_station(report), rating_distribution(report), petition_trend(report)]
