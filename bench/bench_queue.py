"""The case queue at county scale, through the real Qt model offscreen.

``ui.cases.queue_model.CaseQueueModel`` in a ``QTableView``, as the 办件 screen
shows it (all cases, newest first, pages of 200 read on the database worker).
Measured:

- first rows: from ``reload()`` to the model's ``loaded`` signal (the first
  page on the worker, then the view filled), median of several reloads; the
  count follows on the worker as its own piece of work, timed to its signal;
- each page while scrolling: from scrolling to the bottom until the new rows
  are in the model, for ``BENCH_QUEUE_SECONDS``; every page is read by key
  after the last row reached (``queries.page_after``), never by offset, one
  page ahead of the view (the model asks for it as soon as the page before
  goes in; the benchmark scrolls again at once, with none of the pause a
  clerk's reading gives the worker). The slowest page is named in a note with
  where its time went (the view's scroll, its paint, the wait for the worker,
  garbage collection);
- pages deeper down than scrolling reaches (row 100,000 … the last page), read
  by key as the model reads them, against the same page read by OFFSET;
- going back to the top after scrolling (the first pages were forgotten by the
  bounded row cache and are read again by key), and news arriving while
  scrolled far down (``reload(keep_rows=True)``: page bounds walked again);
- memory: peak resident set of the whole process, the rows the model holds,
  and the growth per row reached, projected to the whole queue.

The garbage collector is settled once the view is up, as the app does once its
main window is shown (``ui.heap.settle``).

Baselines, same run: the same pages read directly in SQL (no Qt, no worker
thread), by key; for the deep pages, by OFFSET (how the model read before).
"""

from __future__ import annotations

import contextlib
import gc
import os
import resource
import threading
import time
from dataclasses import dataclass

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableView

from bench import generate
from bench.common import RUNS, Report, main, median, percentile, timed
from haian_desk.cases import queries
from haian_desk.desk import Desk
from haian_desk.people import users
from ui import heap

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
    heap.settle()  # as the app does once its main window is up (ui/app.py)

    first = [_first_rows(app, model) for _ in range(RUNS)]
    flt, now = queries.CaseFilter(), generate.NOW
    raw_first = [timed(lambda: queries.page_after(desk, flt, now, None, PAGE))[0] for _ in range(RUNS)]
    report.add(
        "first rows (reload → loaded)",
        median(first),
        "ms",
        goal=f"< {FIRST_ROWS_GOAL_MS} ms",
        met=median(first) < FIRST_ROWS_GOAL_MS,
        baseline=median(raw_first),
        baseline_name="first page in SQL",
    )

    counted = [_count_arrives(app, model) for _ in range(3)]
    raw_count = [timed(lambda: queries.count(desk, flt, now))[0] for _ in range(3)]
    report.add(
        "count arrives (after the first rows, off the GUI thread)",
        median(counted),
        "ms",
        baseline=median(raw_count),
        baseline_name="count in SQL",
    )

    rss_before = current_rss_mb()
    with worker_reads() as reads:
        scrolled = _scroll(app, model, view)
    pages = [p.ms for p in scrolled]
    report.notes.append(_slowest(scrolled, reads))
    reached, held = len(model.rows), model.rows.held_rows()
    rss_after = current_rss_mb()
    ends = model.rows.ends()
    sample = ends[:: max(1, len(ends) // 20)]
    raw_pages = [timed(lambda k=k: queries.page_after(desk, flt, now, k, PAGE))[0] for k in sample]
    worst = max(pages)
    report.add(
        "page while scrolling · p50",
        median(pages),
        "ms",
        baseline=median(raw_pages),
        baseline_name="the same pages by key in SQL, median",
        note=f"{len(pages)} pages, {reached:,} rows",
    )
    p95 = percentile(pages, 95)
    report.add(
        "page while scrolling · p95",
        p95,
        "ms",
        goal=f"< {PAGE_GOAL_MS} ms",
        met=p95 < PAGE_GOAL_MS,
        baseline=percentile(raw_pages, 95),
        baseline_name="the same pages by key in SQL, p95",
        note=f"in {SCROLL_SECONDS:.0f} s of scrolling",
    )
    report.add(
        "page while scrolling · worst",
        worst,
        "ms",
        goal=f"< {PAGE_GOAL_MS} ms",
        met=worst < PAGE_GOAL_MS,
        baseline=max(raw_pages),
        baseline_name="the same pages by key in SQL, worst",
    )
    back = _back_to_top(app, model, view)
    report.add(
        "back to the top after scrolling (forgotten page read again by key)",
        back,
        "ms",
        goal=f"< {PAGE_GOAL_MS} ms",
        met=back < PAGE_GOAL_MS,
        baseline=median(raw_pages),
        baseline_name="a page by key in SQL, median",
    )
    news = _news_far_down(app, model, view)
    report.add(
        f"news while {reached:,} rows down (place kept: bounds walked, pages read by key)",
        news,
        "ms",
        note="the rows shown stay until the answer comes",
    )
    _deep_pages(report, desk, flt, now, scale)
    if worst >= PAGE_GOAL_MS:
        report.profile = _profile(app, model, view)

    per_row_kb = max(0.0, rss_after - rss_before) * 1024 / max(1, reached - PAGE)
    projected = rss_before + per_row_kb * scale.cases / 1024
    peak = peak_rss_mb()
    report.add(
        "peak memory while scrolling (resident)",
        peak,
        "MB",
        goal=f"< {MEMORY_GOAL_MB} MB",
        met=peak < MEMORY_GOAL_MB,
        note=f"{reached:,} rows reached, {held:,} held (the cache's bound)",
    )
    report.add(
        "memory if the whole queue were scrolled (projected)",
        projected,
        "MB",
        goal=f"< {MEMORY_GOAL_MB} MB",
        met=projected < MEMORY_GOAL_MB,
        note=f"{per_row_kb:.3f} KB growth per row reached × {scale.cases:,} rows; rows held stay "
        f"within {model.rows.max_pages} pages",
    )
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
    wait_for(app, lambda: not model.counting and model.session.worker.pending == 0)
    return (seen[0] - started) * 1000


def _count_arrives(app: QApplication, model) -> float:
    started = time.perf_counter()
    model.reload()
    wait_for(app, lambda: not model.counting and not model.loading)
    elapsed = (time.perf_counter() - started) * 1000
    wait_for(app, lambda: model.session.worker.pending == 0)
    return elapsed


def _back_to_top(app: QApplication, model, view) -> float:
    """After a long scroll the first pages are forgotten: scroll to the top until row 0 is back."""
    started = time.perf_counter()
    view.scrollToTop()
    app.processEvents()
    wait_for(app, lambda: model.rows[0] is not None)
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def _news_far_down(app: QApplication, model, view) -> float:
    """News (a sync) while the clerk is far down: read again keeping the place."""
    view.scrollToBottom()
    app.processEvents()
    wait_for(app, lambda: model.session.worker.pending == 0)
    seen = []
    model.loaded.connect(lambda: seen.append(time.perf_counter()))
    started = time.perf_counter()
    model.reload(keep_rows=True)
    wait_for(app, lambda: seen)
    model.loaded.disconnect()
    wait_for(app, lambda: model.session.worker.pending == 0)
    return (seen[0] - started) * 1000


@dataclass
class WorkerRead:
    """One page read on the database worker while scrolling (``queries.page_after``)."""

    started: float
    ended: float
    cpu_ms: float  # the worker thread's own CPU time: the rest of the wall time it was waiting
    disk_kb: float  # read from the disk, not the OS's cache (the thread's block input)

    @property
    def ms(self) -> float:
        return (self.ended - self.started) * 1000


@contextlib.contextmanager
def worker_reads():
    """Time each page the worker reads (not the GUI thread's own baselines), with its CPU and disk."""
    real, reads = queries.page_after, []

    def timed_read(*args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            return real(*args, **kwargs)
        usage, cpu, started = resource.getrusage(resource.RUSAGE_THREAD), time.thread_time(), time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            blocks = resource.getrusage(resource.RUSAGE_THREAD).ru_inblock - usage.ru_inblock
            reads.append(WorkerRead(started, time.perf_counter(), (time.thread_time() - cpu) * 1000, blocks / 2))

    queries.page_after = timed_read
    try:
        yield reads
    finally:
        queries.page_after = real


@dataclass
class Page:
    """One page while scrolling: its time, and where the time went (for the slowest page's note)."""

    ms: float
    first_row: int
    read_ahead: bool  # the page was already read when the view reached the end
    scrolling_ms: float  # scrollToBottom: the view asks for more, a page read ahead goes in
    painting_ms: float  # the events that follow: the view laid out and painted at its new place
    waiting_ms: float  # then waiting for the worker's page
    collecting_ms: float  # Python's garbage collection within the page (any of the above)
    generations: tuple[int, ...]
    started: float = 0.0
    done: float = 0.0


def _scroll(app: QApplication, model, view) -> list[Page]:
    """Scroll to the bottom again and again, timing each page that arrives."""
    pages: list[Page] = []
    collections: list[tuple[int, float]] = []
    started_collecting = [0.0]

    def collecting(phase: str, info: dict) -> None:
        if phase == "start":
            started_collecting[0] = time.perf_counter()
        else:
            collections.append((info["generation"], (time.perf_counter() - started_collecting[0]) * 1000))

    gc.callbacks.append(collecting)
    stop = time.perf_counter() + SCROLL_SECONDS
    try:
        while time.perf_counter() < stop and model.canFetchMore():
            before, ready = len(model.rows), model.read_ahead
            collections.clear()
            started = time.perf_counter()
            view.scrollToBottom()
            scrolled = time.perf_counter()
            app.processEvents()
            painted = time.perf_counter()
            if not model.fetching and len(model.rows) == before:
                model.fetchMore()  # the view asks only when its scroll bar reaches the end
            wait_for(app, lambda before=before: len(model.rows) > before)
            done = time.perf_counter()
            pages.append(
                Page(
                    (done - started) * 1000,
                    before,
                    ready,
                    (scrolled - started) * 1000,
                    (painted - scrolled) * 1000,
                    (done - painted) * 1000,
                    sum(ms for _, ms in collections),
                    tuple(generation for generation, _ in collections),
                    started,
                    done,
                )
            )
    finally:
        gc.callbacks.remove(collecting)
    return pages


def _slowest(pages: list[Page], reads: list[WorkerRead]) -> str:
    page = max(pages, key=lambda p: p.ms)
    collected = (
        f"{page.collecting_ms:.1f} ms of it Python's garbage collection (generation {max(page.generations)})"
        if page.generations
        else "no garbage collection in it"
    )
    ahead = sum(p.read_ahead for p in pages)
    during = [r for r in reads if r.ended > page.started - 0.1 and r.started < page.done]
    worker = ""
    if during:
        longest = max(during, key=lambda r: r.ms)
        worker = (
            f" The longest page read on the worker around it: {longest.ms:.1f} ms, of which {longest.cpu_ms:.1f} ms "
            f"on the CPU (the rest waiting: for the disk or for a core), {longest.disk_kb:,.0f} KB read from the "
            f"disk rather than the OS's cache."
        )
    typical = median([r.ms for r in reads]) if reads else 0.0
    return (
        f"Slowest page while scrolling: rows {page.first_row:,}–{page.first_row + PAGE - 1:,}, {page.ms:.1f} ms: "
        f"{page.scrolling_ms:.1f} ms scrolling (the view asking for the page), {page.painting_ms:.1f} ms in the "
        f"events that followed (the view painting its new place; the page going in if it arrived meanwhile), "
        f"{page.waiting_ms:.1f} ms then waiting for the worker; {collected}.{worker} {ahead:,} of {len(pages):,} "
        f"pages were already read ahead when the view reached the end (the benchmark scrolls again at once: no "
        f"pause for the worker); the worker's page reads took {typical:.1f} ms (median of {len(reads):,})."
    )


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
    """Pages further down than scrolling reached: by key (what the model asks) against OFFSET."""
    for offset in (100_000, scale.cases // 2, scale.cases - PAGE):
        if offset >= scale.cases or offset <= 0:
            continue
        last = queries.key_of(flt, queries.page(desk, flt, now, offset - 1, 1)[0])  # setting up: not timed
        keyset_ms = median(
            [timed(lambda last=last: queries.page_after(desk, flt, now, last, PAGE))[0] for _ in range(RUNS)]
        )
        offset_ms = median(
            [timed(lambda offset=offset: queries.page(desk, flt, now, offset, PAGE))[0] for _ in range(3)]
        )
        report.add(
            f"page at row {offset:,} (by key, as the model asks)",
            keyset_ms,
            "ms",
            goal=f"< {PAGE_GOAL_MS} ms",
            met=keyset_ms < PAGE_GOAL_MS,
            baseline=offset_ms,
            baseline_name="OFFSET, as the model asked before",
        )


if __name__ == "__main__":
    main(run, exit_hard=True)
