"""补正材料告知单: every missing material, listed at once (一次性告知)."""

from __future__ import annotations

from haian_desk.cases.records import Case
from haian_desk.core.errors import RuleRefused
from haian_desk.documents import qr, wording
from haian_desk.documents.facts import CaseFacts
from haian_desk.documents.model import Document, Field, Section

TITLE = "补正材料一次性告知单"


def available(case: Case) -> bool:
    return bool(case.materials_missing)


def build(facts: CaseFacts, copy: int = 1) -> Document:
    case = facts.case
    if not available(case):
        raise RuleRefused("这件办件没有待补的材料，不用打印补正告知单", "先在办件中登记“一次性告知补正”")
    return Document(
        doc="missing",
        title=TITLE,
        issuer=facts.installation.unit_name,
        number=case.case_no,
        qr=qr.payload(case.case_no, case.unit_code),
        copy=copy,
        sections=(
            Section(
                fields=(
                    Field("群众", facts.villager.get("name") or ""),
                    Field("事项", wording.matter(case)),
                    Field("登记时间", wording.when(case.registered_at)),
                )
            ),
            Section(
                "尚缺材料（一次性告知）",
                items=tuple(case.materials_missing),
                paragraphs=(
                    f"经查验，您申请的事项尚缺以上{len(case.materials_missing)}项材料，"
                    "本站现一次性告知，不会再要求其他材料。",
                ),
            ),
            Section(
                "已收材料",
                items=tuple(case.materials_received),
                paragraphs=() if case.materials_received else ("尚未收到材料。",),
            ),
            Section(
                "下一步",
                paragraphs=(
                    "请备齐以上材料交给本站代理员，材料齐全即予受理，办理时限从受理时起算。",
                    wording.FREE_SERVICE,
                    wording.progress_text(case.case_no, facts.settings),
                ),
            ),
            Section("责任人", fields=wording.people_fields(facts.first_cadre, facts.responsible)),
            wording.station_section(facts.installation, facts.settings),
            wording.hotline_section(facts.installation, facts.settings),
        ),
        signatures=("群众签收", "代理员签名"),
        warnings=wording.missing_settings(facts.settings),
    )
