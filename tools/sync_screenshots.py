"""Render the station's sync screen and the township's screens to PNG (docs/screenshots/1x-*.png).

Builds a small network in a temporary folder — a township centre, four
village stations, matters sent up by USB file, one station silent for days,
one matter completed at both levels — then shows each screen offscreen.
Usage: python tools/sync_screenshots.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "HAIAN_DESK_PASSPHRASE", "haian-demo-station"
)  # throw-away stations: the published demo passphrase
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

from PySide6.QtWidgets import QApplication

from haian_desk.cases import operations
from haian_desk.cases.operations import Intake
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.people import cadres, users, villagers
from haian_desk.replication import township
from sync import enrolment, files, keys as keymod
from sync.errors import SyncError
from sync.exchange import exchange
from ui import i18n
from ui.app import make_application
from ui.main_window import MainWindow
from ui.session import Session
from ui.sync.runner import runner_for
from ui.township.hub import RUNNING, hub_for

NOW = datetime(2026, 11, 25, 2, 30, tzinfo=UTC)
CENTRE = ("320685102", "曲塘镇代理中心")
STATIONS = [
    ("320685102210", "曲塘镇双楼村代理站"),
    ("320685102211", "曲塘镇杨庄村代理站"),
    ("320685102212", "曲塘镇联合村代理站"),
    ("320685102213", "曲塘镇星庄村代理站"),
]
PEOPLE = ["王秀英", "张建国", "李桂兰", "陈志强", "刘玉梅", "周德明"]
MATTERS = [
    "反映3组道路破损，雨天积水",
    "申请困难残疾人生活补贴",
    "宅基地翻建手续咨询",
    "反映河道垃圾无人清理",
    "城乡居民养老保险待遇领取",
    "低保年审材料代交",
]


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def settle(session: Session, rounds: int = 300) -> None:
    app = QApplication.instance()
    for _ in range(rounds):
        app.processEvents()
        if session.worker.pending == 0:
            break
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()
        time.sleep(0.01)


def build(folder: Path, clock: Clock):
    centre = initialise(folder / "centre", *CENTRE, "township", admin=("admin", "haian123"), wall=clock)
    cadres.add(
        centre,
        "admin",
        cadres.CadreInput(name="季红梅", phone="13906271001", unit_code=CENTRE[0], title="代理中心主任"),
    )
    stations = []
    for n, (code, name) in enumerate(STATIONS):
        desk = initialise(folder / f"s{n}", code, name, "station", admin=("admin", "haian123"), wall=clock)
        own = keymod.load_or_create(desk.folder)
        _, answer = enrolment.enrol(centre, keymod.load_or_create(centre.folder), enrolment.make_request(desk, own))
        enrolment.accept(desk, own, answer)
        cadre = cadres.add(desk, "admin", cadres.CadreInput(name=f"代理员{n + 1}", phone="13906271000", unit_code=code))
        stations.append((desk, cadre))
    return centre, stations


def take_in(desk, cadre: str, n: int) -> str:
    villager = villagers.register(desk, "admin", villagers.VillagerInput(name=PEOPLE[n % len(PEOPLE)]))
    return operations.take_in(
        desk,
        "admin",
        Intake(kind="opinion", villager_id=villager, description=MATTERS[n % len(MATTERS)], first_cadre_id=cadre),
    ).case_id


def by_file(station, centre, folder: Path) -> None:
    out = folder / f"{station.installation.unit_code}-{time.monotonic_ns()}.hdsync"
    files.export_file(station, keymod.load(station.folder), out)
    reply = files.import_file(centre, keymod.load(centre.folder), out)
    files.import_file(station, keymod.load(station.folder), reply.reply_path)


def populate(centre, stations, clock: Clock, folder: Path) -> None:
    sent_up = []
    clock.now = NOW - timedelta(days=4)
    for n, (desk, cadre) in enumerate(stations):
        for k in range(3):
            case_id = take_in(desk, cadre, n + k)
            if k < 2:
                operations.act(desk, "admin", case_id, "transferred", to_level="township", to_unit=CENTRE[1])
                sent_up.append((desk, case_id))
        by_file(desk, centre, folder)
    clock.now = NOW - timedelta(hours=20)
    first, second, third = sent_up[0][1], sent_up[2][1], sent_up[4][1]
    township.take_up(centre, "admin", first)
    township.take_up(centre, "admin", second)
    township.forward(centre, "admin", second, "department", "海安市民政局", "需民政局审批")
    operations.act(centre, "admin", third, "completed", result="granted", note="镇建设办已安排维修")
    operations.act(stations[2][0], "admin", third, "completed", result="refused", note="村里认为不属实")
    clock.now = NOW - timedelta(hours=2)
    for desk, _ in stations[:3]:  # the fourth station stays silent since four days ago
        by_file(desk, centre, folder)
    clock.now = NOW
    for k in range(2):
        take_in(stations[0][0], stations[0][1], 10 + k)  # waiting at the station, not yet sent


def shoot(widget, session: Session, out: Path, name: str) -> None:
    settle(session)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def station_screens(desk, out: Path) -> None:
    session = Session(desk, users.get(desk, "admin"))
    from haian_desk.replication import sync_state

    with desk.db.write() as conn:  # the township's PC is off: the address answers nothing
        sync_state.set_address(conn, sync_state.parent(desk.db).id, "http://127.0.0.1:9", None)
    with contextlib.suppress(SyncError):
        exchange(desk, retries=0, connect_timeout=2)
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    runner_for(session).stop()
    window.show_screen("sync")
    shoot(window, session, out, "10-station-sync")
    window.show_screen("queue")
    shoot(window, session, out, "10b-station-queue-reached")
    window.close()
    session.worker.shutdown()


def township_screens(centre, out: Path) -> None:
    session = Session(centre, users.get(centre, "admin"))
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    control = hub_for(session)
    control.start("127.0.0.1", 18765)
    deadline = time.monotonic() + 20
    while control.state.phase != RUNNING and time.monotonic() < deadline:
        QApplication.instance().processEvents()
        time.sleep(0.02)
    for name, key in (
        ("11-township-inbox", "inbox"),
        ("12-township-stations", "stations"),
        ("13-township-conflicts", "conflicts"),
        ("14-township-queue", "queue"),
    ):
        window.show_screen(key)
        if key == "inbox":
            window.pages[key].view_buttons[None].setChecked(True)
            settle(session)
            window.pages[key].table.selectRow(0)  # the actions the chosen matter allows
        shoot(window, session, out, name)
    window.close()
    control.shutdown()
    session.worker.shutdown()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    make_application()
    if i18n.qm_out_of_date():
        i18n.compile_translations()
    i18n.install_language("zh_CN")
    clock = Clock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        centre, stations = build(Path(tmp), clock)
        populate(centre, stations, clock, Path(tmp))
        station_screens(stations[0][0], out)
        township_screens(centre, out)
        for desk, _ in stations:
            desk.close()
        centre.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
