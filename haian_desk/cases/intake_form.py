"""From the intake form as typed to an ``Intake`` the operations accept.

The intake screen (and its autosaved draft) holds plain values: what was
picked, typed and ticked. This module decides which of them a matter of the
chosen kind uses, and reports what is missing with the name of the field the
screen should point at, before anything is written.
"""

from __future__ import annotations

from typing import Any

from haian_desk.cases.operations import Intake
from haian_desk.errors import ValidationError

# The empty form; also what a draft is compared with to see if it holds anything.
BLANK: dict[str, Any] = {
    "villager_id": "", "villager_label": "", "villager_query": "",
    "new_villager": {"name": "", "id_number": "", "phone": "", "address": ""},
    "kind": "", "catalogue_code": "", "catalogue_label": "", "catalogue_query": "",
    "materials_received": [],
    "auth_scope": "", "auth_signed": False, "auth_date": "",
    "description": "", "channel": "walk_in", "urgency": "normal", "urgent_deadline": "",
    "long_standing": False, "petition": False, "first_cadre_id": "",
}


def blank_form(first_cadre_id: str = "", today: str = "") -> dict[str, Any]:
    """A fresh form for a clerk (their own cadre as first contact, today's date for a mandate)."""
    form = {key: (dict(value) if isinstance(value, dict) else value) for key, value in BLANK.items()}
    form.update(first_cadre_id=first_cadre_id or "", auth_date=today)
    return form


def build_intake(form: dict[str, Any]) -> Intake:
    """The matter to register; raises ValidationError naming the field to fix."""
    if not form.get("villager_id"):
        raise ValidationError("请先选择或新建群众",
                              "在“群众”一栏输入姓名、拼音、身份证号或电话查找", field="villager_id")
    if not form.get("kind"):
        raise ValidationError("请选择服务类型：民意代言、事务代办或诉求代理", field="kind")
    if not form.get("first_cadre_id"):
        raise ValidationError("请选择首问责任人", "谁接待群众，谁就负责到底", field="first_cadre_id")
    kind = form["kind"]
    urgent = form.get("urgency") == "urgent"
    return Intake(
        kind=kind, villager_id=form["villager_id"], description=str(form.get("description") or ""),
        first_cadre_id=form["first_cadre_id"], channel=form.get("channel") or "walk_in",
        catalogue_code=(form.get("catalogue_code") or None) if kind == "errand" else None,
        urgency="urgent" if urgent else "normal",
        urgent_deadline=(form.get("urgent_deadline") or None) if urgent else None,
        materials_received=list(form.get("materials_received") or []) if kind == "errand" else [],
        authorisation=_authorisation(form) if kind == "claim" else None,
        long_standing=bool(form.get("long_standing")), petition=bool(form.get("petition")))


def _authorisation(form: dict[str, Any]) -> dict:
    # Always passed for a claim, so a missing scope or date is reported on its own field.
    return {"scope": str(form.get("auth_scope") or ""), "signed_on_paper": bool(form.get("auth_signed")),
            "date": str(form.get("auth_date") or "")}
