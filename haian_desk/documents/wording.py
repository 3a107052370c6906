"""The sentences and pieces every case paper shares: times, the promise, the
free-service statement, the station, the people responsible and the hotlines.

Written once here so the receipt, the notices and the board never disagree.
"""

from __future__ import annotations

from haian_desk import network
from haian_desk.cases.deadlines import WORKING_HOURS, describe_case_limit, describe_limit
from haian_desk.cases.records import Case
from haian_desk.core import masking
from haian_desk.core.timeutil import from_iso, local
from haian_desk.documents.model import Field, Section
from haian_desk.network import Installation
from haian_desk.station_settings import StationSettings

FREE_SERVICE = "本站代理服务全程免费（无偿代理），不收取任何费用。"
WORKING_DAYS_NOTE = "工作日按国家法定节假日安排计算：周末和法定节假日不计，调休上班的日子照常计算。"
NOT_COUNTED = "听证、检验、检测、鉴定、专家评审和依规公示的时间，不计算在办理时限内。"
BLANK = "＿＿＿＿＿＿"


def when(stamp: str | None) -> str:
    """A stored time as a villager reads it: 2026年3月4日 10:00."""
    if not stamp:
        return ""
    moment = local(from_iso(stamp))
    return f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}"


def day(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = local(from_iso(stamp))
    return f"{moment.year}年{moment.month}月{moment.day}日"


def due(stamp: str) -> str:
    """A due moment in plain words, with the weekday: 2026年10月9日（星期五）16:00."""
    moment = local(from_iso(stamp))
    return f"{moment.year}年{moment.month}月{moment.day}日（星期{'一二三四五六日'[moment.weekday()]}）{moment:%H:%M}"


def promise(case: Case) -> str:
    """The promised completion time as printed on the receipt."""
    if case.urgency == "urgent" and case.deadline:
        return f"紧急事项，{due(case.deadline)}前办结"
    limit = describe_limit(case.timing, case.time_limit)
    if limit == "即办":
        return "即办（当场办结）"
    if case.deadline:
        return f"{describe_case_limit(case)}，{due(case.deadline)}前办结"
    return f"受理后{limit}内办结"


def _basis(case: Case) -> dict:
    basis = case.calendar_basis
    return basis if isinstance(basis, dict) else {}


def calendar_notes(case: Case) -> tuple[str, ...]:
    """How the promise was counted, in the fine print: working days, and a year not yet published."""
    if case.urgency == "urgent" or not case.deadline or not case.accepted_at:
        return ()
    basis = _basis(case)
    limit = case.time_limit or {}
    notes = []
    if limit.get("unit") == "working_days" or (not limit and basis.get("general") == WORKING_HOURS):
        notes.append(WORKING_DAYS_NOTE)
    for year in basis.get("fallback_years") or ():
        notes.append(f"{year}年的放假安排尚未公布，时限暂只按周末计算；公布后如有变化，本站会告诉您新的办结时间。")
    return tuple(notes)


def fee_lines(item: dict | None) -> tuple[str, ...]:
    """The free-service statement, plus any official fee the office itself charges."""
    note = (item or {}).get("fee_note") or ""
    if note and not note.startswith("不收费"):
        return FREE_SERVICE, f"有关部门依规收取的费用（不是代理服务费）：{note}"
    return (FREE_SERVICE,)


def cadre(person: dict) -> str:
    """A cadre as printed: name and full phone (cadres' numbers are published on the board)."""
    return "  ".join(p for p in (person.get("name") or "", person.get("phone") or "") if p)


def people_fields(first: dict, responsible: dict) -> tuple[Field, ...]:
    fields = [Field("首问责任人", cadre(first))]
    if responsible.get("id") != first.get("id"):
        fields.append(Field("经办代理员", cadre(responsible)))
    return tuple(fields)


def station_section(installation: Installation, settings: StationSettings) -> Section:
    fields = [Field("代理站", installation.unit_name)]
    if settings.address:
        fields.append(Field("地址", settings.address))
    if settings.phone:
        fields.append(Field("电话", settings.phone))
    if settings.office_hours:
        fields.append(Field("办公时间", settings.office_hours))
    return Section("本站", fields=tuple(fields))


def hotline_fields(installation: Installation, settings: StationSettings) -> tuple[Field, ...]:
    fields = [Field(f"{network.county().name}", settings.county_hotline)]
    if settings.township_hotline:
        fields.append(Field(installation.township_name or "镇（街道）", settings.township_hotline))
    return tuple(f for f in fields if f.value)


def hotline_section(installation: Installation, settings: StationSettings) -> Section:
    return Section(
        "监督投诉电话",
        fields=hotline_fields(installation, settings),
        paragraphs=("对代理服务不满意，或发现代理员收取费用、推诿拖延的，请拨打以上电话。",),
    )


def missing_settings(settings: StationSettings) -> tuple[str, ...]:
    """What the clerk should fill in under 设置 before handing papers out."""
    gaps = []
    if not settings.township_hotline:
        gaps.append("镇（街道）监督投诉电话未设置，纸上只印了市（县）电话")
    if not settings.phone:
        gaps.append("本站电话未设置，群众无法电话查询进度")
    if not settings.address:
        gaps.append("本站地址未设置")
    return tuple(gaps)


def progress_text(case_no: str, settings: StationSettings) -> str:
    by_phone = f"拨打本站电话 {settings.phone}，" if settings.phone else ""
    return f"凭办件编号 {case_no} {by_phone}或到本站查询办理进度；代理员扫描本单二维码即可查到。"


def villager_fields(villager: dict, full_id: bool) -> tuple[Field, ...]:
    """The villager as printed on their own paper: ID masked unless the station chose otherwise."""
    number = villager.get("id_number") or ""
    fields = [Field("姓名", villager.get("name") or "")]
    if number:
        fields.append(Field("身份证号", number if full_id else masking.mask_id_number(number)))
    if villager.get("phone"):
        fields.append(Field("联系电话", masking.mask_phone(villager["phone"])))
    if villager.get("address"):
        fields.append(Field("住址", villager["address"]))
    return tuple(fields)


def public_villager_fields(villager: dict) -> tuple[Field, ...]:
    """The villager on paper others may see: masked name and phone, nothing else."""
    fields = [Field("群众", masking.mask_name(villager.get("name")))]
    if villager.get("phone"):
        fields.append(Field("联系电话", masking.mask_phone(villager["phone"])))
    return tuple(fields)


def matter(case: Case) -> str:
    return case.matter_name or case.description
