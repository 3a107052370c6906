"""What an import would do with every row, decided before anything is written.

``make_plan`` reads the file, finds each sheet's layout, checks every data row
and compares it with what the station already holds (and with the rows above it
in the file). Each row gets one verdict:

* ``add``        — new: will be recorded;
* ``update``     — already here, and the file adds or changes something;
* ``unchanged``  — already here exactly (importing the same file twice lands here);
* ``refused``    — with the exact reason, nothing about it is written.

The same function runs for a dry run, for the app's preview, and again inside
the import's transaction, so what is written is decided on the data as it is then.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.core.errors import N_, HaianError
from haian_desk.imports import cadre_rows, case_rows, villager_rows
from haian_desk.imports.columns import Layout, check_overrides, find_layout
from haian_desk.imports.reading import ImportFileError, Sheet, checksum, read_sheets
from haian_desk.imports.rows import data_rows

if TYPE_CHECKING:
    from haian_desk.desk import Desk

KINDS = {"villagers": villager_rows, "cases": case_rows, "cadres": cadre_rows}
KIND_LABELS = {"villagers": "群众花名册", "cases": "代理登记台账", "cadres": "代理员名单"}
VERDICTS = {"add": N_("将新增"), "update": N_("将更新"), "unchanged": N_("已存在，不变"), "refused": N_("不导入")}
Progress = Callable[[int, int], None]


@dataclass
class RowVerdict:
    sheet: str
    row_no: int
    verdict: str  # add | update | unchanged | refused
    reason: str = ""  # Chinese, as written into the import's record
    error: HaianError | None = None  # why a row is refused, for saying it in the reader's language
    fields: dict = field(default_factory=dict)  # as it will be stored
    target_id: str | None = None  # the record already here (update / unchanged)
    changes: dict = field(default_factory=dict)  # for an update: only what changes
    key: str = ""  # what makes two rows the same thing
    extra: dict = field(default_factory=dict)  # kind-specific (a case's villager, events)

    def as_json(self) -> dict:
        out = {"sheet": self.sheet, "row": self.row_no, "verdict": self.verdict}
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass
class Plan:
    kind: str
    file_name: str
    checksum: str
    layouts: list[Layout]
    rows: list[RowVerdict]
    skipped_sheets: list[str] = field(default_factory=list)

    def count(self, verdict: str) -> int:
        return sum(1 for r in self.rows if r.verdict == verdict)

    def counts(self) -> dict[str, int]:
        return {
            "added": self.count("add"),
            "updated": self.count("update"),
            "unchanged": self.count("unchanged"),
            "refused": self.count("refused"),
            "rows": len(self.rows),
        }

    def refused(self) -> list[RowVerdict]:
        return [r for r in self.rows if r.verdict == "refused"]


def load(
    path: Path | str,
    kind: str,
    sheet: str | None = None,
    overrides: dict[str, str] | None = None,
    header_row: int | None = None,
    require: bool = True,
) -> tuple[list[Sheet], list[Layout], list[str]]:
    """The file's sheets to import, each with its layout, and the sheets left out.

    ``header_row`` is 1-based, as Excel numbers rows (None: found by itself).
    """
    if kind not in KINDS:
        raise ImportFileError(
            "不能导入“{kind}”", "可以导入：villagers（群众）、cases（台账）、cadres（代理员）", params={"kind": kind}
        )
    check_overrides(kind, overrides or {})
    sheets = read_sheets(path)
    if sheet:
        chosen = [s for s in sheets if s.name == sheet]
        if not chosen:
            raise ImportFileError(
                "文件里没有名为“{sheet}”的工作表",
                "文件里的工作表：{items}",
                params={"sheet": sheet, "items": "、".join(s.name for s in sheets)},
            )
        sheets = chosen
    if header_row is not None and header_row < 1:
        raise ImportFileError("表头行号应从1开始，而不是 {header_row}", params={"header_row": header_row})
    at = None if header_row is None else header_row - 1
    pairs = [(s, find_layout(kind, s, overrides, at, require)) for s in sheets]
    found = [(s, lay) for s, lay in pairs if lay is not None]
    if not found:
        raise _no_header(kind, Path(path).name, header_row)
    return [s for s, _ in found], [lay for _, lay in found], [s.name for s, lay in pairs if lay is None]


def _no_header(kind: str, file_name: str, header_row: int | None = None) -> ImportFileError:
    need = "“姓名”和“登记日期”列" if kind == "cases" else "“姓名”列"
    where = f"第{header_row}行" if header_row else ""
    return ImportFileError(
        "{file_name} {where}里找不到{need}",
        "请确认表头一行写着“姓名”等列名；列名不同的，可以在导入时指定对应关系",
        params={"file_name": file_name, "where": where, "need": need},
    )


def make_plan(
    conn: sqlite3.Connection,
    desk: Desk,
    path: Path | str,
    kind: str,
    sheet: str | None = None,
    overrides: dict[str, str] | None = None,
    progress: Progress | None = None,
    loaded: tuple | None = None,
) -> Plan:
    """Check every row of the file against the station's data; writes nothing."""
    sheets, layouts, skipped = loaded or load(path, kind, sheet, overrides)
    module = KINDS[kind]
    registry = module.Registry(conn, desk)
    all_rows = [cells for s, lay in zip(sheets, layouts, strict=True) for cells in data_rows(s, lay)]
    verdicts: list[RowVerdict] = []
    for done, cells in enumerate(all_rows, 1):
        verdicts.append(_judge(module, registry, cells))
        if progress and (done % 200 == 0 or done == len(all_rows)):
            progress(done, len(all_rows))
    return Plan(kind, Path(path).name, checksum(Path(path)), layouts, verdicts, skipped)


def _judge(module, registry, cells) -> RowVerdict:
    verdict = RowVerdict(cells.sheet, cells.row_no, "refused")
    verdict.extra["written_name"] = cells.text("name")  # so a refused row can still be recognised
    try:
        module.check(cells, registry, verdict)
    except HaianError as error:
        verdict.verdict, verdict.reason, verdict.error = "refused", str(error), error  # the message and what to do
    return verdict
