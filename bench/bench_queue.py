"""The case queue at county scale, through the real Qt model offscreen.

``ui.cases.queue_model.CaseQueueModel`` in a ``QTableView``, as the 办件 screen
shows it (all cases, newest first, pages of 200 read on the database worker).
Measured:

- first rows: from ``reload()`` to the model's ``loaded`` signal (count and
  first page on the worker, then the view filled), median of several reloads;
- each page while scrolling: from scrolling to the bottom until the new rows
  are in the model; scrolling goes on for ``BENCH_QUEUE_SECONDS`` (the model
  pages with OFFSET, so reaching the millionth row this way would take hours);
- the page the model would ask for deeper down (OFFSET 100,000 … the last page),
  timed on the same query, and the same pages read with keyset paging
  (``queries.page_after``);
- peak memory of the whole process (resident set, as the OS counts it), and
  memory per row held, to project the whole queue.

Baselines: the same SQL run directly (no Qt, no worker thread).
"""

from __future__ import annotations

import os
import resource
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from haian_desk.people import users  # noqa: E402
from haian_desk.cases import queries  # noqa: E402
from haian_desk.desk import Desk  # noqa: E402

from bench import generate  # noqa: E402
from bench.common import RUNS, Report, main, median, percentile, timed  # noqa: E402

FIRST_ROWS_GOAL_MS = 200
PAGE_GOAL_MS = 50
MEMORY_GOAL_MB = 300
SCROLL_SECONDS = float(os.environ.get("BENCH_QUEUE_SECONDS", "60"))
PAGE = 200


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def wait_for(app: QApplication, done, timeout_s: float = 120) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the queue model did not answer")
        time.sleep(0.0002)


def run(scale: generate.Scale) -> Report:
    from ui.cases.queue_model import CaseQueueModel
    from ui.session import Session

    report = Report("queue", f"Case queue ({scale.cases:,} cases, real Qt model offscreen)")
    app = QApplication.instance() or QApplication([])
    desk = Desk.open(generate.county(scale))
    desk.wall = lambda: generate.NOW
    session = Session(desk, users.get(desk, "admin"))
    model = CaseQueueModel(session, page_size=PAGE)
    view = QTableView()
    view.resize(1200, 800)
    view.setModel(model)
    view.show()

    first = [_first_rows(app, model) for _ in range(RUNS)]
    flt, now = queries.CaseFilter(), generate.NOW
    raw_first = [timed(lambda: (queries.count(desk, flt, now), queries.page(desk, flt, now, 0, PAGE)))[0]
                 for _ in range(RUNS)]
    report.add("first rows (reload → loaded)", median(first), "ms", goal=f"< {FIRST_ROWS_GOAL_MS} ms",
               met=median(first) < FIRST_ROWS_GOAL_MS, baseline=median(raw_first),
               baseline_name="count + first page in SQL")

    rss_before = current_rss_mb()
    pages = _scroll(app, model, view)
    rows_held = len(model.rows)
    rss_after = current_rss_mb()
    raw_pages = [timed(lambda o=o: queries.page(desk, flt, now, o, PAGE))[0]
                 for o in range(PAGE, rows_held, max(PAGE, rows_held // 20))]
    worst = max(pages)
    report.add("page while scrolling · p50", median(pages), "ms", baseline=median(raw_pages),
               baseline_name="the same pages in SQL, median", note=f"{len(pages)} pages, {rows_held:,} rows")
    report.add("page while scrolling · worst", worst, "ms", goal=f"< {PAGE_GOAL_MS} ms",
               met=worst < PAGE_GOAL_MS, baseline=max(raw_pages), baseline_name="the same pages in SQL, worst",
               note=f"p95 {percentile(pages, 95):.0f} ms, in {SCROLL_SECONDS:.0f} s of scrolling")
    _deep_pages(report, desk, flt, now, scale)
    if worst >= PAGE_GOAL_MS:
        report.profile = _profile(app, model, view)

    per_row_kb = (rss_after - rss_before) * 1024 / max(1, rows_held - PAGE)
    projected = rss_before + per_row_kb * scale.cases / 1024
    peak = peak_rss_mb()
    report.add("peak memory while scrolling (resident)", peak, "MB", goal=f"< {MEMORY_GOAL_MB} MB",
               met=peak < MEMORY_GOAL_MB, note=f"{rows_held:,} rows held")
    report.add("memory if the whole queue were scrolled (projected)", projected, "MB",
               goal=f"< {MEMORY_GOAL_MB} MB", met=projected < MEMORY_GOAL_MB,
               note=f"{per_row_kb:.2f} KB per row held × {scale.cases:,} rows")
    session.worker.shutdown()
    view.close()
    desk.close()
    return report


def _first_rows(app: QApplication, model) -> float:
    seen = []
    model.loaded.connect(lambda: seen.append(time.perf_counter()))
    started = time.perf_counter()
    model.reload()
    wait_for(app, lambda: seen)
    app.processEvents()  # the view lays out and paints the first rows
    model.loaded.disconnect()
    return (seen[0] - started) * 1000


def _scroll(app: QApplication, model, view) -> list[float]:
    """Scroll to the bottom again and again, timing each page that arrives."""
    times = []
    stop = time.perf_counter() + SCROLL_SECONDS
    while time.perf_counter() < stop and model.canFetchMore():
        before = len(model.rows)
        started = time.perf_counter()
        view.scrollToBottom()
        app.processEvents()
        if not model.fetching and len(model.rows) == before:
            model.fetchMore()  # the view asks only when its scroll bar reaches the end
        wait_for(app, lambda before=before: len(model.rows) > before)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _profile(app: QApplication, model, view) -> str:
    """Where a page's time goes on the GUI thread (the worker's SQL shows as waiting)."""
    import cProfile
    import io
    import pstats

    global SCROLL_SECONDS
    SCROLL_SECONDS, kept = 5, SCROLL_SECONDS
    profiler = cProfile.Profile()
    profiler.enable()
    pages = _scroll(app, model, view)
    profiler.disable()
    SCROLL_SECONDS = kept
    out = io.StringIO()
    out.write(f"{len(pages)} more pages scrolled under the profiler (GUI thread):\n")
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(10)
    return out.getvalue()


def _deep_pages(report: Report, desk, flt, now, scale) -> None:
    """Pages further down than scrolling reached: OFFSET (what the model asks) against keyset."""
    for offset in (100_000, scale.cases // 2, scale.cases - PAGE):
        if offset >= scale.cases or offset <= 0:
            continue
        offset_ms = median([timed(lambda offset=offset: queries.page(desk, flt, now, offset, PAGE))[0] for _ in range(3)])
        last = queries.page(desk, flt, now, offset - 1, 1)[0]
        keyset_ms = median([timed(lambda last=last: queries.page_after(desk, flt, now, last, PAGE))[0] for _ in range(3)])
        report.add(f"page at row {offset:,} (OFFSET, as the model asks)", offset_ms, "ms",
                   goal=f"< {PAGE_GOAL_MS} ms", met=offset_ms < PAGE_GOAL_MS, baseline=keyset_ms,
                   baseline_name="keyset page_after")


if __name__ == "__main__":
    main(run, exit_hard=True)
