"""公示牌: the station's public disclosure board: who its cadres are and how to
reach them, what it can do, its principles, the 48-hour promise, the hotlines.

Only published facts: cadres' work phones, the catalogue. No villager data."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from haian_desk import station_settings
from haian_desk.core.timeutil import to_iso
from haian_desk.documents import wording
from haian_desk.documents.model import Document, Field, Section, Table
from haian_desk.events.columns import decoded_value
from haian_desk.people.cadres import JSON_COLUMNS as CADRE_JSON_COLUMNS, ROLES, own_units

if TYPE_CHECKING:
    from haian_desk.desk import Desk

TITLE = "群众事务代理公示牌"
PER_ROW = 4
IN_PERSON = "须本人到场办理"
PRINCIPLES = (
    Field("自愿", "群众自愿委托，可随时撤回"),
    Field("公开", "代理员、事项、时限公开"),
    Field("合法", "依法依规，不办违法违规事项"),
    Field("无偿", "代理服务全程免费"),
)
PROMISES = (
    Field("一般事项", "受理后48小时内办结", strong=True),
    Field("紧急事项", "随到随办，约定时限办结"),
    Field("法定时限", "较长的按法定时限办结"),
    Field("服务收费", "全程免费", strong=True),
)


def build(desk: Desk) -> Document:
    settings = station_settings.load(desk)
    installation = desk.installation
    return Document(
        doc="board",
        title=TITLE,
        issuer=installation.unit_name,
        public=True,
        sections=(
            Section("代理原则", fields=PRINCIPLES),
            Section("承诺", fields=PROMISES),
            Section("代理员", table=_cadre_table(desk)),
            Section(
                "代理事项",
                table=_catalogue_summary(desk),
                paragraphs=(f"共{_count(desk)}项。每项所需材料和办理时限，可到本站查阅事项目录。",),
            ),
            wording.station_section(installation, settings),
            Section(
                "监督投诉电话",
                fields=tuple(
                    Field(f.label, f.value, strong=True) for f in wording.hotline_fields(installation, settings)
                ),
            ),
        ),
        footer=(f"{installation.unit_name}  {wording.day(to_iso(desk.now()))}公布",),
        warnings=wording.missing_settings(settings),
    )


def _cadre_table(desk: Desk) -> Table:
    own, params = own_units(desk.installation.unit_code)  # not the township's, come down with sync
    rows = desk.db.query(
        "SELECT name, title, role, phone, area, service_items FROM cadres "
        f"WHERE active = 1 AND on_public_board = 1 AND {own} "
        "ORDER BY role != 'head' AND instr(coalesce(title, ''), '站长') = 0, name",
        params,
    )  # the head first
    return Table(
        ("姓名", "职务", "电话", "负责片区", "服务事项"),
        tuple(
            (
                r["name"],
                r["title"] or ROLES.get(r["role"], "代理员"),
                r["phone"] or "",
                r["area"] or "",
                "、".join(decoded_value(r, "service_items", CADRE_JSON_COLUMNS) or ()),
            )
            for r in rows
        ),
    )


def _catalogue_summary(desk: Desk) -> Table:
    """The catalogue as counts per category, four to a row (the board must fit one sheet)."""
    counts: dict[str, int] = defaultdict(int)
    for row in desk.db.query("SELECT category, proxy_allowed FROM catalogue_items WHERE active = 1 ORDER BY code"):
        counts[(row["category"] or "其他") if row["proxy_allowed"] else IN_PERSON] += 1
    cells = [f"{category} {n}项" for category, n in counts.items() if category != IN_PERSON]
    if counts.get(IN_PERSON):
        cells.append(f"{IN_PERSON} {counts[IN_PERSON]}项")
    cells += [""] * (-len(cells) % PER_ROW)
    return Table((), tuple(tuple(cells[i : i + PER_ROW]) for i in range(0, len(cells), PER_ROW)))


def _count(desk: Desk) -> int:
    return desk.db.scalar("SELECT count(*) FROM catalogue_items WHERE active = 1")
