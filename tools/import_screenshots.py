"""Render the import dialog to PNG: mapping and preview (with refused rows), progress, result, history.

    python tools/import_screenshots.py docs/screenshots

Offscreen, on a demo station in a temporary folder, importing a roster made
here with openpyxl (a title row, a header, good rows and the bad rows villages'
files really have). The progress picture is taken while a real import of a
larger file is running on the database worker.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from haian_desk.cli.demo import make_demo
from haian_desk.people import users
from haian_desk.people.idnumber import check_character
from tools.screenshots import NOW, save, settle
from ui import i18n
from ui.app import make_application
from ui.imports.dialog import ImportDialog
from ui.session import Session

ROWS = [
    ["序号", "姓名", "性别", "公民身份号码", "与户主关系", "户号", "联系电话", "家庭住址", "备注"],
    [1, "陈国华", "男", "320621196503120415", "户主", "0101", "13962781234", "双楼村一组", ""],
    [2, "吴秀兰", "女", "320621196708230426", "妻", "0101", "13962781235", "双楼村一组", ""],
    [3, "陈 堃", "男", "32062119900101041x", "子", "0101", "139 6278 1236", "双楼村一组", ""],
    [4, "阿依古丽・买买提", "女", "", "户主", "0102", "0513-88881234", "双楼村二组", "外来务工"],
    [5, "周建军", "男", 3.20621197001e17, "户主", "0103", "13962781237", "双楼村二组", ""],
    [6, "顾红梅", "女", "320621197505050427", "户主", "0104", "13962781238", "双楼村二组", ""],
    [7, "朱3", "男", "", "", "0105", "13962781239", "双楼村三组", ""],
    [8, "许卫东", "男", "320621198002300411", "户主", "0106", "", "双楼村三组", ""],
    [9, "陈国华", "男", "320621196503120415", "户主", "0101", "13962781234", "双楼村一组", "重复录入"],
    [10, "钱 喆", "女", "", "户主", "0107", "+86 139 6278 1240", "双楼村三组", ""],
    ["合计", "10人"],
]


def roster(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "一组至三组"
    sheet.append(["双楼村村民花名册（2026年）"])
    sheet.merge_cells("A1:I1")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _valid(rows: list[list]) -> list[list]:
    """Fix the check characters of the rows meant to be good (the bad ones stay bad)."""
    for row in rows[1:-1]:
        number = row[3]
        if isinstance(number, str) and len(number) == 18 and row[1] not in ("许卫东",):
            row[3] = number[:17] + check_character(number[:17])
    return rows


def big_roster(path: Path, count: int) -> Path:
    rows = [ROWS[0]]
    for n in range(count):
        body = f"3206211960{1 + n % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
        rows.append(
            [
                n + 1,
                "陈" + "国建秀红卫华"[n % 6] + "东西南北中"[n // 6 % 5],
                "",
                body + check_character(body),
                "",
                f"{n:04d}",
                f"139{n:08d}",
                "双楼村",
                "",
            ]
        )
    return roster(path, rows + [["合计"]])


def _files_folder() -> Path:
    import shutil

    files = Path(tempfile.gettempdir()) / "村代理站资料"
    shutil.rmtree(files, ignore_errors=True)
    files.mkdir()
    return files


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if i18n.qm_out_of_date():
        i18n.compile_translations()
    i18n.install_language("zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        desk = make_demo(folder / "demo", cases=20, now=NOW)
        session = Session(desk, users.get(desk, "admin"))
        dialog = ImportDialog(session)
        dialog.show()
        files = _files_folder()  # a fixed name, so the pictures change only when the dialog does
        path = roster(files / "双楼村花名册.xlsx", _valid([list(r) for r in ROWS]))
        dialog.open_file(path, "villagers")
        settle(session)
        save(dialog, out, "15-import-preview", session)
        dialog.only_refused.setChecked(True)
        dialog.preview.selectRow(0)
        save(dialog, out, "15b-import-refused", session)
        dialog.only_refused.setChecked(False)
        _progress(app, dialog, session, big_roster(files / "大名册.xlsx", 3000), out)
        dialog.open_file(path, "villagers")
        settle(session)
        dialog.start_import()
        settle(session)
        save(dialog, out, "15d-import-result", session)
        _ledger(dialog, session, desk, files, out)
        dialog.tabs.setCurrentWidget(dialog.history)
        settle(session)
        dialog.history.table.selectRow(0)
        dialog.history._ask()
        save(dialog, out, "15e-import-history", session)
        dialog.close()
        settle(session)
        session.worker.shutdown()
        desk.close()
    app.processEvents()
    return 0


def _ledger(dialog, session, desk, folder: Path, out: Path) -> None:
    """A past ledger (代理登记台账) checked against the station: its verdicts before importing."""
    cadre = desk.db.scalar("SELECT name FROM cadres WHERE active = 1 ORDER BY name LIMIT 1")
    person = desk.db.scalar("SELECT name FROM villagers ORDER BY name LIMIT 1")
    rows = [
        ["序号", "登记日期", "姓名", "类型", "事项", "内容", "经办人", "办理结果", "办结日期", "群众评价"],
        [1, "2025-03-02", person, "民意代言", "", "反映3组路灯不亮", cadre, "已修复", "2025-03-04", "满意"],
        [
            2,
            "2025/4/18",
            "陈国华",
            "事务代办",
            "社会保障卡申领",
            "代办社保卡补卡",
            cadre,
            "已办成",
            "2025/4/25",
            "非常满意",
        ],
        [3, "2025年6月3日", "吴秀兰", "诉求代理", "", "宅基地边界纠纷", cadre, "办理中", "", ""],
        [4, "2025-02-30", "顾红梅", "民意代言", "", "建议增设公交站", cadre, "", "", ""],
        [5, "2025-07-09", "许卫东", "事务代办", "", "代办残疾人证", "李代理", "", "", ""],
        [6, "2025-08-01", "钱喆", "民意代言", "", "反映河道垃圾", cadre, "已清理", "2025-07-30", ""],
        ["合计", "6件"],
    ]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "2025年"
    sheet.append(["双楼村代理登记台账（2025年）"])
    sheet.merge_cells("A1:J1")
    for row in rows:
        sheet.append(row)
    path = folder / "2025年代理登记台账.xlsx"
    book.save(path)
    dialog.open_file(path, "cases")
    settle(session)
    dialog.preview.selectRow(3)
    save(dialog, out, "15f-import-ledger", session)


def _progress(app, dialog, session, path: Path, out: Path) -> None:
    """Start a real import of a big file and take the picture while its bar is moving."""
    dialog.open_file(path, "villagers")
    settle(session, rounds=2000)
    dialog.start_import()
    while dialog.bar.value() < dialog.bar.maximum() * 0.6:
        app.processEvents()
    dialog.grab().save(str(out / "15c-import-progress.png"))
    print(f"wrote {out / '15c-import-progress.png'}")
    dialog.relay.cancel()  # cancelled: nothing of it is written
    settle(session, rounds=2000)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
