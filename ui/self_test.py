"""``haian-desk self-test`` (``HaianDesk --self-test`` in the bundle): does this install work?

Runs headless on a temporary installation that is deleted afterwards, so it
can be run on a station PC without touching the station's data: the bundled
resources are there, a case can be taken in, its receipt renders to a PDF in
the bundled Chinese font, a backup of it passes the restore checks, neither the
database, its WAL nor a fresh backup shows the villager's name, ID number or
phone, a refused registration logged with its traceback and turned into a
crash report shows the villager only masked, the main window opens, and the
case syncs to a township hub started on 127.0.0.1. It also looks (without any
key) at this PC's own station: its database and backups must be encrypted
files, its sync private keys encrypted, and its log files must hold no
unmasked ID number or mobile number.
Each step prints one line; the exit code is 0 only if every step passed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.core.messages import cli_tr
from haian_desk.core.paths import resource_path

if TYPE_CHECKING:
    from haian_desk.cases.operations import Registered
    from haian_desk.desk import Desk

STATION = ("320685102210", "曲塘镇双楼村代理站（自检）")
TOWNSHIP = ("320685102", "曲塘镇代理中心（自检）")
ADMIN = ("admin", "self-test-pw")
VILLAGER = ("䶮张三", "11010519491231002X", "13812345678")
PDF_FONT_MARK = b"HaianSansSC"  # the embedded font's name in the PDF: Chinese will not print as boxes
REQUIRED_RESOURCES = (
    ("fonts", "HaianSansSC-Regular.otf"),
    ("fonts", "HaianSansSC-Bold.otf"),
    ("catalogue.json",),
    ("divisions.json",),
    ("translations", "haian_desk_en.qm"),
    ("icons", "haian_desk.png"),
)


def register(sub, common) -> None:
    parser = sub.add_parser(
        "self-test",
        parents=[common],
        help=cli_tr("自检：在临时目录里建站、受理、打印回执、备份、同步，检查本机安装是否完好"),
    )
    parser.add_argument("--keep", action="store_true", help=cli_tr("保留临时目录（排查问题用）"))
    parser.set_defaults(handler=run)


@dataclass
class Run:
    """The self-test's shared state: the temporary folder and what the steps made."""

    folder: Path
    station: Path | None = None  # this PC's own data folder, looked at but never opened
    passphrase: str = ""
    desk: Desk | None = None  # set by the step that opens the station
    case: Registered | None = None  # set by the step that registers a case
    lines: list[str] = field(default_factory=list)
    failures: int = 0

    @property
    def station_desk(self) -> Desk:
        assert self.desk is not None, "the step that opens the station runs first"
        return self.desk

    @property
    def registered(self) -> Registered:
        assert self.case is not None, "the step that registers a case runs first"
        return self.case


def run(args, folder: Path) -> int:
    import secrets

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless, whatever the machine
    scratch = Path(tempfile.mkdtemp(prefix="haian-self-test-"))
    state = Run(scratch, folder, passphrase=secrets.token_urlsafe(16))
    _say(f"海安群众事务代理工作台自检（{_kind()}），临时目录 {scratch}")
    try:
        for title, step in STEPS:
            _step(state, title, step)
    finally:
        if state.desk is not None:
            state.desk.close()
        _clean(scratch, args.keep)
    verdict = "自检通过" if state.failures == 0 else f"自检没有通过：{state.failures} 项出错"
    _say(verdict)
    return 0 if state.failures == 0 else 1


def _step(state: Run, title: str, step: Callable[[Run], str]) -> None:
    started = time.perf_counter()
    try:
        detail = step(state)
        mark = "通过"
    except Exception as error:  # noqa: BLE001 - every step is reported; one failure does not hide the others
        state.failures += 1
        mark, detail = "失败", f"{type(error).__name__}: {error}"
        traceback.print_exc(file=sys.stderr)
    _say(f"  [{mark}] {title}（{time.perf_counter() - started:.1f} 秒）：{detail}")


def _say(line: str) -> None:
    print(line, flush=True)


def _kind() -> str:
    return "安装版" if getattr(sys, "frozen", False) else "源码运行"


def _clean(folder: Path, keep: bool) -> None:
    import shutil

    if not keep:
        shutil.rmtree(folder, ignore_errors=True)


# --- the steps ------------------------------------------------------------------------


def check_resources(state: Run) -> str:
    missing = ["/".join(parts) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()]
    if missing:
        raise FileNotFoundError("缺少 " + "、".join(missing))
    return f"{len(REQUIRED_RESOURCES)} 个文件都在 {resource_path()}"


def take_in_a_case(state: Run) -> str:
    from haian_desk.cases.operations import Intake, take_in
    from haian_desk.desk import initialise
    from haian_desk.people import cadres, villagers

    desk = initialise(state.folder / "station", *STATION, admin=ADMIN, passphrase=state.passphrase)
    state.desk = desk
    cadre = cadres.add(desk, ADMIN[0], cadres.CadreInput(name="仲维国", phone="13906271000", unit_code=STATION[0]))
    villager = villagers.register(
        desk, ADMIN[0], villagers.VillagerInput(name=VILLAGER[0], id_number=VILLAGER[1], phone=VILLAGER[2])
    )
    state.case = take_in(
        desk,
        ADMIN[0],
        Intake(
            kind="opinion", villager_id=villager, description=cli_tr("反映3组道路破损，雨天积水"), first_cadre_id=cadre
        ),
    )
    return f"办件 {state.registered.case_no} 已登记"


def start_qt(state: Run) -> str:
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from ui import i18n
    from ui.fonts import FAMILY, register_fonts

    app = QApplication.instance() or QApplication(["HaianDesk"])
    assert isinstance(app, QApplication)  # never a QCoreApplication here
    if register_fonts() != FAMILY:
        raise RuntimeError(f"没能载入自带字体 {FAMILY}")
    language = i18n.install_language("zh_CN")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    ok_text = box.button(QDialogButtonBox.StandardButton.Ok).text()
    box.deleteLater()
    if ok_text != "确定":
        raise RuntimeError(f"Qt 自带按钮没有中文（{ok_text}）：缺少 qtbase_zh_CN.qm")
    return f"Qt {app.platformName()}，字体 {FAMILY}，界面语言 {language}"


def print_the_receipt(state: Run) -> str:
    if importlib.util.find_spec("ui.printing") is None:
        raise RuntimeError("本版本没有打印模块（ui.printing）")
    from ui.printing import actions, render

    document, paper = actions.prepare(state.station_desk, actions.Request(state.registered.case_id, "receipt"))
    target = state.folder / "receipt.pdf"
    render.write_pdf(document, paper, target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or PDF_FONT_MARK not in data:
        raise RuntimeError("PDF 不完整，或没有嵌入自带的中文字体")
    return f"{document.title} → PDF {len(data) // 1024} KB，嵌入字体 Haian Sans SC"


def back_up_and_check(state: Run) -> str:
    from haian_desk.storage import backup, recovery

    made = backup.backup_to(state.station_desk.db, state.folder / "stick" / "backup.hdbackup")
    info = recovery.inspect(made, recovery.Openers.at(state.station_desk.folder))
    if info.cases != 1:
        raise RuntimeError(f"备份里有 {info.cases} 件办件，应为 1 件")
    return f"备份通过恢复前的检查：{info.describe()}"


def nothing_readable(state: Run) -> str:
    """The test station's database, its WAL and a fresh backup, read as bytes: no villager in clear."""
    from haian_desk.core import paths
    from haian_desk.storage import backup

    database = paths.database_path(state.station_desk.folder)
    files = [
        database,
        database.with_name(database.name + "-wal"),
        backup.backup_to(state.station_desk.db, state.folder / "stick" / "fresh.hdbackup"),
    ]
    wanted = [value.encode("utf-8") for value in VILLAGER]
    leaks = [f.name for f in files if f.exists() and any(w in f.read_bytes() for w in wanted)]
    if leaks:
        raise RuntimeError("这些文件里能直接读出群众信息：" + "、".join(leaks))
    return f"{len(files)} 个文件（数据库、WAL、新备份）里读不出姓名、身份证号和电话"


def logs_and_crash_reports(state: Run) -> str:
    """A refused registration, logged with its traceback and turned into a crash report, as the app
    would: the log file and the report text show the villager only masked."""
    import logging

    from haian_desk.core import logs
    from haian_desk.core.errors import HaianError
    from haian_desk.people import villagers
    from ui.crash import details_text

    path = state.folder / "logs" / "self-test.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logs.RedactingFormatter(logs.FORMAT))  # the formatter the station's log uses
    logger = logging.getLogger("haian_desk.self_test")
    logger.addHandler(handler)
    try:
        villagers.register(
            state.station_desk,
            ADMIN[0],
            villagers.VillagerInput(name=VILLAGER[0], id_number=VILLAGER[1], phone=VILLAGER[2]),
        )  # already registered: refused
        raise RuntimeError("同一身份证号第二次登记没有被拒绝")
    except HaianError as error:
        logger.error("registration refused: %s (ID %s, phone %s)", error, VILLAGER[1], VILLAGER[2], exc_info=True)
        report = details_text(type(error), error, error.__traceback__, "self-test")
    finally:
        logger.removeHandler(handler)
        handler.close()
    wanted = list(VILLAGER)
    leaks = [
        where
        for where, text in (("日志", path.read_text(encoding="utf-8")), ("错误报告", report))
        if any(w in text for w in wanted)
    ]
    if leaks:
        raise RuntimeError("这些地方能直接读出群众信息：" + "、".join(leaks))
    return "出错时写的日志和错误报告里，姓名、身份证号和电话都已遮掩"


def this_station_is_encrypted(state: Run) -> str:
    """This PC's own station: its database and backups are encrypted files (checked without a key)."""
    from haian_desk.core import paths
    from haian_desk.storage import db as dbmod, sealed

    if state.station is None or not paths.database_path(state.station).exists():
        return "本机还没有建站，不用查"
    plain = [
        p.name
        for p in [paths.database_path(state.station), *paths.backups_dir(state.station).glob("*")]
        if dbmod.is_plain_file(p)
    ]
    if plain:
        raise RuntimeError("这些文件还没有加密：" + "、".join(plain[:5]) + "（打开一次程序即会加密）")
    backups = [p for p in paths.backups_dir(state.station).glob("*.hdbackup") if sealed.is_sealed(p)]
    if _sync_keys_plain(state.station):
        raise RuntimeError("同步密钥文件还没有加密（下次同步或打开程序同步页面时会加密）")
    found = _numbers_in_logs(state.station)
    if found:
        raise RuntimeError(f"本机日志里有 {found} 处未遮掩的身份证号或手机号")
    return f"数据库已加密；{len(backups)} 份备份都已加密；日志里没有未遮掩的号码"


def _sync_keys_plain(station: Path) -> bool:
    from sync import keys as keymod

    folder = keymod.key_folder(station)
    names = (keymod.SIGNING_FILE, keymod.BOX_FILE)
    return folder.is_dir() and all((folder / n).is_file() for n in names) and not keymod.is_protected(station)


def _numbers_in_logs(station: Path) -> int:
    """Unmasked ID numbers (with a right check character) and mobile numbers in this PC's log files."""
    import re

    from haian_desk.core import logs
    from haian_desk.people.idnumber import check_character

    places = {station / "logs"}
    current = logs.current_file()
    if current is not None:  # where the command line's start put this station's log
        places.add(current.parent)
    ids = re.compile(r"(?<![0-9A-Za-z])(\d{17})([0-9Xx])(?![0-9A-Za-z])")
    mobiles = re.compile(r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")
    found = 0
    for folder in places:
        for path in folder.glob(f"{logs.LOG_FILENAME}*") if folder.is_dir() else ():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += sum(1 for m in ids.finditer(text) if check_character(m.group(1)) == m.group(2).upper())
            found += len(mobiles.findall(text))
    return found


def open_the_main_window(state: Run) -> str:
    from PySide6.QtCore import QDeadlineTimer, QThread
    from PySide6.QtWidgets import QApplication

    from haian_desk.people import users
    from ui.main_window import MainWindow
    from ui.session import Session

    session = Session(state.station_desk, users.get(state.station_desk, ADMIN[0]))
    window = MainWindow(session)
    window.show()
    deadline = QDeadlineTimer(20_000)
    while session.worker.pending and not deadline.hasExpired():
        QApplication.processEvents()
        QThread.msleep(5)
    QApplication.processEvents()
    title = window.windowTitle()
    window.close()
    session.worker.shutdown()
    if session.worker.pending:
        raise RuntimeError("主窗口 20 秒内没有读完数据")
    return f"“{title}”已打开并读完数据"


def sync_to_a_hub(state: Run) -> str:
    if importlib.util.find_spec("sync.exchange") is None:
        raise RuntimeError("本版本没有同步模块（sync）")
    from haian_desk.desk import initialise
    from sync import enrolment, keys
    from sync.exchange import exchange
    from sync.serve import BackgroundHub

    township = initialise(state.folder / "township", *TOWNSHIP, role="township", passphrase=state.passphrase)
    station_keys, hub_keys = keys.load_or_create(state.station_desk.folder), keys.load_or_create(township.folder)
    _, answer = enrolment.enrol(township, hub_keys, enrolment.make_request(state.station_desk, station_keys))
    enrolment.accept(state.station_desk, station_keys, answer)
    township.close()
    with BackgroundHub(state.folder / "township") as hub:
        url = hub.url
        report = exchange(state.station_desk, station_keys, url=url, retries=0)
        arrived = hub.desk.db.scalar("SELECT count(*) FROM cases WHERE case_no = ?", (state.registered.case_no,))
    if arrived != 1:
        raise RuntimeError("办件没有出现在镇中心")
    return cli_tr("经 {url} 送到镇中心：{summary}", url=url, summary=report.summary())


STEPS: list[tuple[str, Callable[[Run], str]]] = [
    ("资源文件", check_resources),
    ("建站并受理一件", take_in_a_case),
    ("Qt、字体和中文", start_qt),
    ("回执另存为PDF", print_the_receipt),
    ("备份并检查", back_up_and_check),
    ("数据读不出明文", nothing_readable),
    ("日志和错误报告不露明文", logs_and_crash_reports),
    ("本站数据已加密", this_station_is_encrypted),
    ("主窗口", open_the_main_window),
    ("同步到镇中心", sync_to_a_hub),
]
