"""Sync in the background: on an interval, again soon after a failure, and when the network returns.

The exchange runs on a thread of its own with a desk of its own (a second
connection to the same file, opened with the key the session already holds),
never on the GUI thread and never on the database worker, so intake at the
counter goes on while batches travel (the engine holds no transaction across
the network, and WAL lets the worker read while the exchange writes). The runner keeps one
``RunnerState`` that the status bar and the sync screen both show: what is
waiting, whether an exchange is running and how far it got ("已发送 X / Y"),
and the last failure sorted by ``sync.advice`` into something a clerk can act
on. After a failure that waiting can cure (the network, the hub being down)
it tries again after the engine's doubling backoff; a network coming back
online (Qt's reachability, where the platform reports it) triggers a try at once.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from haian_desk.events import recent
from haian_desk.replication import reached, sync_state
from sync import advice
from sync.advice import Problem
from sync.backoff import Backoff
from ui.session import EVERYTHING, SYNC, Changes, Session, changes_for
from ui.sync.background import run_in_thread
from ui.widgets.feedback import alive

if TYPE_CHECKING:
    from haian_desk.desk import Desk
    from sync.exchange import ExchangeReport

log = logging.getLogger(__name__)

INTERVAL_MS = 5 * 60_000  # a quiet station still syncs every few minutes
FIRST_TRY_MS = 3_000  # after the app opens, once the counter is ready
PROGRESS_MS = 300  # how often "已发送 X / Y" is read while an exchange runs
STALL_SECONDS = 30.0
REFRESH_DELAY_MS = 300  # changes that come together are counted once


@dataclass(frozen=True)
class RunnerState:
    """Everything people see about sync at a glance."""

    known: bool = False  # False until the first reading came back
    enrolled: bool = False
    hub_name: str = ""
    hub_url: str = ""
    waiting_records: int = 0
    waiting_cases: int = 0
    last_success: str | None = None
    last_attempt: str | None = None
    rejected: int = 0
    clock_drift: int | None = None
    running: bool = False
    sent: int = 0
    total: int = 0
    problem: Problem | None = None
    retry_in_ms: int | None = None
    report: ExchangeReport | None = None

    @property
    def all_sent(self) -> bool:
        return self.known and self.enrolled and self.waiting_records == 0 and self.problem is None and not self.rejected


@dataclass(frozen=True)
class _Reading:
    hub: sync_state.Peer | None
    waiting: reached.Waiting
    rejected: int
    problem: Problem | None


def read_state(desk: Desk) -> _Reading:
    """What the database says about sync now (runs on the worker; cheap, since it runs after
    every change: what is waiting is counted only past the hub's mark, and only once enrolled)."""
    hub = sync_state.parent(desk.db)
    if hub is None:
        return _Reading(None, reached.Waiting(False, 0, 0), 0, None)
    # Refused at the hub, or held back here for inspection: not "sent" either way.
    rejected = desk.db.scalar("SELECT count(*) FROM sync_rejections") + desk.db.scalar(
        "SELECT count(*) FROM sync_quarantine WHERE resolved_at IS NULL"
    )
    return _Reading(hub, reached.waiting(desk), rejected, advice.last_problem(desk))


def _mark(desk: Desk) -> int | None:
    try:
        return recent.last_seq(desk.db)
    except Exception:  # noqa: BLE001 - a database that cannot be read fails the exchange, which says why
        return None


def _arrived(desk: Desk, mark: int | None) -> recent.Recent | None:
    """What came in past ``mark`` (None when that cannot be told: then screens read everything)."""
    if mark is None:
        return None
    try:
        return recent.since(desk.db, mark)
    except Exception:  # noqa: BLE001 - as above
        return None


def _exchange_on(desk: Desk, run: Callable) -> tuple:
    """(report, error, what arrived): the exchange, on the sync thread's own desk."""
    mark = _mark(desk)
    try:
        problem = advice.ready(desk)
        if problem is not None:
            raise _NotReady(problem)
        return run(desk, retries=0, stall_timeout=STALL_SECONDS), None, _arrived(desk, mark)
    except BaseException as caught:  # noqa: BLE001 - every failure is shown, none kills the thread
        # Batches applied before a cut stay applied: their news is announced too.
        return None, caught, _arrived(desk, mark)


class _NotReady(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class SyncRunner(QObject):
    stateChanged = Signal(object)  # RunnerState
    exchanged = Signal(object)  # ExchangeReport of an exchange that finished
    arrived = Signal(object)  # haian_desk.events.recent.Recent: what an exchange brought (None: unknown)

    def __init__(
        self,
        session: Session,
        interval_ms: int = INTERVAL_MS,
        backoff: Backoff | None = None,
        run_exchange: Callable | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent if parent is not None else session)
        self.session = session
        self.interval_ms = interval_ms
        self.backoff = backoff or Backoff()
        self.run_exchange = run_exchange or _exchange
        self.state = RunnerState()
        self.failures = 0
        self.started = False
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.sync_now)
        self.progress_timer = QTimer(self, interval=PROGRESS_MS)
        self.progress_timer.timeout.connect(self._read_progress)
        self.refresh_soon = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self.refresh_soon.timeout.connect(self.refresh)
        self._progress_reading = False
        session.changed.connect(self._data_changed)
        self._watch_network()

    # --- starting and stopping ----------------------------------------------------------

    def start(self, first_try_ms: int = FIRST_TRY_MS) -> None:
        """Begin: read the state now, and try an exchange shortly if this station can."""
        if self.started:
            return
        self.started = True
        self.refresh(then=lambda: self._schedule(first_try_ms) if self._can_try() else None)

    def stop(self) -> None:
        self.started = False
        self.timer.stop()
        self.progress_timer.stop()
        self.refresh_soon.stop()
        if self.state.retry_in_ms is not None:
            self._set(retry_in_ms=None)  # no try is coming: do not promise one

    def _can_try(self) -> bool:
        return self.state.enrolled and bool(self.state.hub_url)

    # --- reading the state ----------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        def shown(reading: _Reading) -> None:
            self._take_reading(reading)
            if then is not None:
                then()

        self.session.run(read_state, alive(self, shown), alive(self, self._read_failed))

    def _take_reading(self, reading: _Reading) -> None:
        hub, waiting = reading.hub, reading.waiting
        problem = self.state.problem if self.state.known else reading.problem
        self._set(
            known=True,
            enrolled=hub is not None,
            hub_name=hub.unit_name if hub else "",
            hub_url=(hub.url or "") if hub else "",
            waiting_records=waiting.records,
            waiting_cases=waiting.cases,
            last_success=hub.last_success if hub else None,
            last_attempt=hub.last_attempt if hub else None,
            rejected=reading.rejected,
            clock_drift=hub.clock_drift if hub else None,
            problem=problem,
        )

    def _read_failed(self, error: BaseException) -> None:
        log.warning("could not read the sync state: %s", error)

    def _data_changed(self, _changes) -> None:
        # Intake, an import, an enrolment, our own exchange: the counts may have moved.
        # Several changes in a row are read once.
        self.refresh_soon.start()

    def _set(self, **changes) -> None:
        self.state = dataclasses.replace(self.state, **changes)
        self.stateChanged.emit(self.state)

    # --- one exchange -------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start an exchange now (a second press while one runs does nothing)."""
        if self.state.running:
            return
        self.timer.stop()
        self._set(running=True, sent=0, total=self.state.waiting_records, retry_in_ms=None)
        self.progress_timer.start()
        session_desk, run = self.session.desk, self.run_exchange

        def work() -> tuple:
            try:  # a desk of its own: the session's connection belongs to the database worker
                desk = session_desk.for_another_thread()
            except BaseException as caught:  # noqa: BLE001 - shown like any other failure
                return None, caught, None
            with desk:
                return _exchange_on(desk, run)

        run_in_thread(self, "_exchange_done", work, "haian-sync")

    def _exchange_done(self, outcome: tuple) -> None:
        report, error, news = outcome
        self.progress_timer.stop()
        if error is None:
            self.failures = 0
            self._set(running=False, problem=None, report=report, sent=self.state.total)
            self.exchanged.emit(report)
            self._schedule(self.interval_ms)
        else:
            problem = error.problem if isinstance(error, _NotReady) else advice.problem(error)
            partial = getattr(error, "report", None)
            self._set(running=False, problem=problem, report=partial or self.state.report)
            self._after_failure(problem)
        # What came down, by kind and case, so an open case window reads again only for its case.
        self.arrived.emit(news)
        self.session.changed.emit(changes_for(news, SYNC) if news is not None else Changes(EVERYTHING))

    def _after_failure(self, problem: Problem) -> None:
        if problem.retryable:
            delay = int(self.backoff.delay(self.failures) * 1000)
            self.failures += 1
        else:
            delay = self.interval_ms
        if problem.group in (advice.NOT_ENROLLED, advice.NO_ADDRESS):
            return  # nothing will change until someone enrols or types the address
        self._schedule(delay)

    def _schedule(self, delay_ms: int) -> None:
        if not self.started:
            return
        self.timer.start(max(0, delay_ms))
        if self.state.problem is not None:
            self._set(retry_in_ms=delay_ms)

    def _read_progress(self) -> None:
        if self._progress_reading:
            return
        self._progress_reading = True

        def shown(records: int) -> None:
            self._progress_reading = False
            if self.state.running:
                self._set(sent=max(0, min(self.state.total, self.state.total - records)))

        self.session.run(
            lambda desk: reached.waiting(desk).records,
            alive(self, shown),
            alive(self, lambda _e: setattr(self, "_progress_reading", False)),
        )

    # --- the network coming back --------------------------------------------------------

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
                return
            info = QNetworkInformation.instance()
            info.reachabilityChanged.connect(self._reachability_changed)
        except (ImportError, AttributeError, RuntimeError) as error:
            log.info("network reachability not available here: %s", error)

    def _reachability_changed(self, reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability in (
            QNetworkInformation.Reachability.Online,
            QNetworkInformation.Reachability.Site,
            QNetworkInformation.Reachability.Local,
        )
        problem = self.state.problem
        if online and self.started and problem is not None and problem.retryable:
            self.sync_now()


def runner_for(session: Session) -> SyncRunner:
    """The session's one runner (made on first use, lives as long as the session)."""
    found = session.findChild(SyncRunner)
    return found if found is not None else SyncRunner(session)


def _exchange(*args, **kwargs):
    # The sync engine and its HTTP client load on the sync thread at the first exchange, not
    # on the GUI thread while the main window is built.
    from sync.exchange import exchange

    return exchange(*args, **kwargs)
