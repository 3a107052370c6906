"""Example papers for the docs: ``python -m ui.printing.examples docs/receipts``.

Builds a small station on a fixed clock (names with rare characters, a case
in every state a paper needs), writes each document as PDF on its usual paper
and as PNG (through poppler's pdftoppm when installed, so the PNG is the PDF
as a viewer shows it; otherwise through the same renderer straight to an image).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk import documents, station_settings
from haian_desk.cases import operations
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.people import cadres, villagers
from ui.printing import papers, render

if TYPE_CHECKING:
    from haian_desk.desk import Desk

STATION = ("320685102210", "曲塘镇双楼村代理站")
# (file name, document, paper, stub)
EXAMPLES = [
    ("receipt-a4", "receipt", "a4", True),
    ("receipt-80mm", "receipt", "80mm", False),
    ("receipt-58mm", "receipt", "58mm", False),
    ("missing-a5", "missing", "a5", False),
    ("decline-80mm", "decline", "80mm", False),
    ("completion-a4", "completion", "a4", False),
    ("authorisation-a4", "authorisation", "a4", False),
]
BOARD = ("board-a4", "a4")
DPI = {"a4": 100, "a5": 110, "a3": 72, "80mm": 150, "58mm": 150}


def example_station(folder: Path):
    """A station with one case per paper, at 10:00 on 4 March 2026 (Beijing time)."""
    clock = {"now": datetime(2026, 3, 4, 2, 0, tzinfo=UTC)}
    desk = initialise(folder, *STATION, admin=("admin", "example-pw"), wall=lambda: clock["now"])
    station_settings.save(
        desk,
        "admin",
        address="海安市曲塘镇双楼村村部",
        phone="0513-88551234",
        office_hours="工作日 8:30—17:30",
        township_hotline="0513-88901234",
    )
    head = _cadre(desk, "仲维国", "13906271000", "村代理站站长", "一组、二组", ("农业补贴", "建房审批"))
    second = _cadre(desk, "季赟", "13906271037", "代理员", "三组、四组", ("民政救助", "社保医保"))
    _cadre(desk, "缪喆", "13906271074", "代理员", "五组、六组", ("残疾人服务",))
    _cadre(desk, "丁犇", "13906271111", "代理员", "七组、八组", ("户籍证件",))
    someone = villagers.register(
        desk,
        "admin",
        villagers.VillagerInput(
            name="王䶮堃", id_number="11010519491231002X", phone="13812345678", address="曲塘镇双楼村3组8号"
        ),
    )
    cases = {}

    def intake(doc, **fields):
        cases[doc] = operations.take_in(
            desk, "admin", operations.Intake(villager_id=someone, first_cadre_id=head, **fields)
        ).case_id

    intake(
        "receipt",
        kind="errand",
        catalogue_code="MZ-001",
        description="代为申请最低生活保障",
        materials_received=["居民身份证", "户口簿", "家庭收入及财产状况声明"],
        responsible_cadre_id=second,
    )
    intake("missing", kind="errand", catalogue_code="CL-001", description="代为申请残疾人证", accept=False)
    intake("decline", kind="opinion", description="想办结婚登记", accept=False)
    intake("completion", kind="opinion", description="反映3组路口路灯不亮，晚上出行不便")
    intake("authorisation", kind="claim", description="在外务工被拖欠工资，请求帮助讨要", accept=False)
    operations.act(
        desk,
        "admin",
        cases["missing"],
        "materials_missing",
        missing=["近期二寸免冠照片2张", "户口簿原件", "医院诊断证明"],
    )
    operations.act(
        desk,
        "admin",
        cases["decline"],
        "declined",
        reason="婚姻登记须双方本人到场，不能代办",
        remedy="请两人带身份证、户口簿到海安市民政局婚姻登记处办理",
    )
    clock["now"] = datetime(2026, 3, 5, 1, 30, tzinfo=UTC)  # done the next morning
    operations.act(
        desk, "admin", cases["completion"], "completed", result="granted", note="已联系供电所更换灯泡，路灯恢复照明"
    )
    return desk, cases


def _cadre(desk: Desk, name, phone, title, area, items) -> str:
    return cadres.add(
        desk,
        "admin",
        cadres.CadreInput(name=name, phone=phone, unit_code=STATION[0], title=title, area=area, service_items=items),
    )


def write_examples(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        desk, cases = example_station(Path(scratch) / "station")
        with desk:
            for name, doc, paper_code, stub in EXAMPLES:
                document = documents.build(desk, cases[doc], doc, stub=stub)
                written += _write(document, paper_code, out / name)
            written += _write(documents.build_board(desk), BOARD[1], out / BOARD[0])
    return written


def _write(document, paper_code: str, stem: Path) -> list[Path]:
    paper = papers.PAPERS[paper_code]
    pdf = stem.with_suffix(".pdf")
    render.write_pdf(document, paper, pdf)
    png = stem.with_suffix(".png")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", str(DPI[paper_code]), str(pdf), str(stem)], check=True)
    else:
        render.render_images(document, paper, DPI[paper_code])[0].save(str(png))
    return [pdf, png]


def main(argv: list[str]) -> int:
    from ui.printing.cli import _ensure_gui

    _ensure_gui()
    for path in write_examples(Path(argv[0] if argv else "docs/receipts")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
