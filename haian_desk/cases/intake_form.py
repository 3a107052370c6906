"""From the intake form as typed to an ``Intake`` the operations accept.

The intake screen (and its autosaved draft) holds plain values: what was
picked, typed and ticked. This module decides which of them a matter of the
chosen kind uses, and reports what is missing with the name of the field the
screen should point at, before anything is written.
"""

from __future__ import annotations

from typing import Any

from haian_desk.cases.operations import Intake
from haian_desk.core.errors import N_, ValidationError

# The empty form; also what a draft is compared with to see if it holds anything.
BLANK: dict[str, Any] = {
    "villager_id": "",
    "villager_label": "",
    "villager_query": "",
    "new_villager": {"name": "", "id_number": "", "phone": "", "address": ""},
    "kind": "",
    "catalogue_code": "",
    "catalogue_label": "",
    "catalogue_query": "",
    "materials_received": [],
    "auth_scope": "",
    "auth_signed": False,
    "auth_date": "",
    "description": "",
    "channel": "walk_in",
    "urgency": "normal",
    "urgent_deadline": "",
    "long_standing": False,
    "petition": False,
    "first_cadre_id": "",
}


def blank_form(first_cadre_id: str = "", today: str = "") -> dict[str, Any]:
    """A fresh form for a clerk (their own cadre as first contact, today's date for a mandate)."""
    form = {key: (dict(value) if isinstance(value, dict) else value) for key, value in BLANK.items()}
    form.update(first_cadre_id=first_cadre_id or "", auth_date=today)
    return form


FIELD_NAMES = {
    "villager_id": N_("群众"),
    "kind": N_("服务类型"),
    "catalogue_code": N_("代办事项"),
    "scope": N_("委托范围"),
    "date": N_("委托日期"),
    "description": N_("诉求内容"),
    "urgent_deadline": N_("办结时限"),
    "first_cadre_id": N_("首问责任人"),
}


class FormIncomplete(ValidationError):
    """Several fields are missing: all of them, in the order the form runs (``problems``)."""

    def __init__(self, problems: list[ValidationError]):
        names = [FIELD_NAMES.get(p.field, p.field) for p in problems]
        super().__init__(
            "还有{count}处没有填：{names}",
            "请按红字逐项补上",
            field=problems[0].field,
            params={"count": len(problems), "names": names},
        )
        self.problems = problems


def form_problems(form: dict[str, Any]) -> list[ValidationError]:
    """Everything the form still lacks, top to bottom, so the clerk hears it all at once."""
    kind = form.get("kind")
    checks = [
        (
            not form.get("villager_id"),
            N_("请先选择或新建群众"),
            N_("在“群众”一栏输入姓名、拼音、身份证号或电话查找"),
            "villager_id",
        ),
        (not kind, N_("请选择服务类型：民意代言、事务代办或诉求代理"), "", "kind"),
        (
            kind == "errand" and not form.get("catalogue_code"),
            N_("事务代办必须选择具体事项"),
            N_("请在事项目录中选择"),
            "catalogue_code",
        ),
        (
            kind == "claim" and not str(form.get("auth_scope") or "").strip(),
            N_("请填写授权委托的范围"),
            N_("写明委托代理的具体事项"),
            "scope",
        ),
        (kind == "claim" and not str(form.get("auth_date") or "").strip(), N_("请填写授权委托的日期"), "", "date"),
        (
            not str(form.get("description") or "").strip(),
            N_("请填写诉求内容"),
            N_("简要写明群众要办什么事"),
            "description",
        ),
        (
            form.get("urgency") == "urgent" and not form.get("urgent_deadline"),
            N_("紧急事项必须在登记时约定办结时限"),
            "",
            "urgent_deadline",
        ),
        (not form.get("first_cadre_id"), N_("请选择首问责任人"), N_("谁接待群众，谁就负责到底"), "first_cadre_id"),
    ]
    return [ValidationError(message, hint, field=field) for missing, message, hint, field in checks if missing]


def build_intake(form: dict[str, Any]) -> Intake:
    """The matter to register; raises ValidationError naming the field to fix (FormIncomplete
    naming every one when more than one is missing)."""
    problems = form_problems(form)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise FormIncomplete(problems)
    kind = form["kind"]
    urgent = form.get("urgency") == "urgent"
    return Intake(
        kind=kind,
        villager_id=form["villager_id"],
        description=str(form.get("description") or ""),
        first_cadre_id=form["first_cadre_id"],
        channel=form.get("channel") or "walk_in",
        catalogue_code=(form.get("catalogue_code") or None) if kind == "errand" else None,
        urgency="urgent" if urgent else "normal",
        urgent_deadline=(form.get("urgent_deadline") or None) if urgent else None,
        materials_received=list(form.get("materials_received") or []) if kind == "errand" else [],
        authorisation=_authorisation(form) if kind == "claim" else None,
        long_standing=bool(form.get("long_standing")),
        petition=bool(form.get("petition")),
    )


def _authorisation(form: dict[str, Any]) -> dict:
    # Always passed for a claim, so a missing scope or date is reported on its own field.
    return {
        "scope": str(form.get("auth_scope") or ""),
        "signed_on_paper": bool(form.get("auth_signed")),
        "date": str(form.get("auth_date") or ""),
    }
