"""公示牌: the station's public disclosure board: who its cadres are and how to
reach them, what it can do, its principles, the 48-hour promise, the hotlines.

Only published facts: cadres' work phones, the catalogue. No villager data."""

from __future__ import annotations

import json
from collections import defaultdict

from haian_desk import station_settings
from haian_desk.documents import wording
from haian_desk.documents.model import Document, Section, Table
from haian_desk.timeutil import to_iso

TITLE = "群众事务代理公示牌"


def build(desk) -> Document:
    settings = station_settings.load(desk)
    installation = desk.installation
    return Document(
        doc="board", title=TITLE, issuer=installation.unit_name, public=True,
        sections=(
            Section("代理原则", items=wording.PRINCIPLES),
            Section("办理时限", paragraphs=(wording.PROMISE_48H, wording.FREE_SERVICE)),
            Section("代理员", table=_cadre_table(desk)),
            Section("代理事项", paragraphs=_catalogue_summary(desk)),
            wording.station_section(installation, settings),
            Section("监督投诉电话", fields=wording.hotline_fields(installation, settings)),
        ),
        footer=(f"{installation.unit_name}  {wording.day(to_iso(desk.now()))}公布",),
        warnings=wording.missing_settings(settings))


def _cadre_table(desk) -> Table:
    rows = desk.db.query(
        "SELECT name, title, phone, area, service_items FROM cadres "
        "WHERE active = 1 AND on_public_board = 1 "
        "ORDER BY instr(coalesce(title, ''), '站长') = 0, name")  # the station head first
    return Table(("姓名", "职务", "电话", "负责片区", "服务事项"), tuple(
        (r["name"], r["title"] or "代理员", r["phone"] or "", r["area"] or "",
         "、".join(json.loads(r["service_items"] or "[]")))
        for r in rows))


def _catalogue_summary(desk) -> tuple[str, ...]:
    by_category: dict[str, list[str]] = defaultdict(list)
    in_person = []
    for row in desk.db.query("SELECT name, category, proxy_allowed FROM catalogue_items "
                             "WHERE active = 1 ORDER BY code"):
        if row["proxy_allowed"]:
            by_category[row["category"] or "其他"].append(row["name"])
        else:
            in_person.append(row["name"])
    lines = [f"{category}（{len(names)}项）：{'；'.join(names)}"
             for category, names in by_category.items()]
    if in_person:
        lines.append(f"须本人到场、本站指引办理：{'；'.join(in_person)}")
    return tuple(lines)

