"""The status bar's overdue and due-soon counts match the domain's and follow changes."""

from __future__ import annotations

from datetime import timedelta

from haian_desk.cases import operations, queries
from haian_desk.cases.operations import Intake
from haian_desk.core.timeutil import to_iso
from tests.ui.helpers import wait_idle
from ui.main_window import MainWindow


def _shown(window) -> tuple[str, str]:
    counts = window.deadline_counts
    return counts.overdue.text(), counts.due_soon.text()


def test_counts_match_the_domain_on_a_demo_station(qtbot, demo_session):
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    wait_idle(qtbot, demo_session)
    expected = queries.deadline_counts(demo_session.desk, demo_session.desk.now())
    assert expected["overdue"] > 0  # the demo has overdue matters: the test means something
    assert _shown(window) == (f"超期 {expected['overdue']} 件", f"即将到期 {expected['due_soon']} 件")


def test_counts_follow_a_change_announced_by_the_session(qtbot, admin_session, cadre_id, villager_id):
    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    wait_idle(qtbot, admin_session)
    assert _shown(window) == ("超期 0 件", "即将到期 0 件")

    desk = admin_session.desk
    urgent = Intake(
        kind="opinion",
        villager_id=villager_id,
        first_cadre_id=cadre_id,
        description="桥面塌陷，急需处理",
        urgency="urgent",
        urgent_deadline=to_iso(desk.now() + timedelta(hours=6)),
    )
    admin_session.run(lambda d: operations.take_in(d, "admin", urgent))
    qtbot.waitUntil(lambda: _shown(window)[1] == "即将到期 1 件", timeout=15_000)
    assert _shown(window)[0] == "超期 0 件"


def test_counts_follow_the_clock_on_the_timer(qtbot, admin_session, clock, cadre_id, villager_id):
    desk = admin_session.desk
    operations.take_in(
        desk, "admin", Intake(kind="opinion", villager_id=villager_id, first_cadre_id=cadre_id, description="路灯不亮")
    )
    window = MainWindow(admin_session)
    qtbot.addWidget(window)
    wait_idle(qtbot, admin_session)
    assert _shown(window) == ("超期 0 件", "即将到期 0 件")
    clock.advance(hours=49)  # nothing changed but time: the 48 hours have run out
    window.deadline_counts.timer.timeout.emit()
    qtbot.waitUntil(lambda: _shown(window)[0] == "超期 1 件", timeout=15_000)
