"""不予受理告知书: why the station cannot take the matter, and where to go instead."""

from __future__ import annotations

from haian_desk.cases.records import Case
from haian_desk.core.errors import RuleRefused
from haian_desk.documents import qr, wording
from haian_desk.documents.facts import CaseFacts
from haian_desk.documents.model import Document, Field, Section

TITLE = "不予受理告知书"


def available(case: Case) -> bool:
    return case.status == "declined"


def build(facts: CaseFacts, copy: int = 1) -> Document:
    case = facts.case
    if not available(case):
        raise RuleRefused("这件办件没有登记“不予受理”，不能打印不予受理告知书")
    name = facts.villager.get("name") or ""
    return Document(
        doc="decline",
        title=TITLE,
        issuer=facts.installation.unit_name,
        number=case.case_no,
        qr=qr.payload(case.case_no, case.unit_code),
        copy=copy,
        sections=(
            Section(
                paragraphs=(
                    f"{name}：",
                    f"您于{wording.when(case.registered_at)}在本站提出的"
                    f"“{wording.matter(case)}”，经审查，本站不予受理。",
                )
            ),
            Section("不予受理的理由", paragraphs=(case.closed_reason or "",)),
            Section("您可以这样办", paragraphs=(case.closed_remedy or "",)),
            Section(
                "说明",
                paragraphs=(wording.FREE_SERVICE, "对本决定有异议的，可以向本站说明情况，也可以拨打下列监督投诉电话。"),
            ),
            Section("经办", fields=(Field("代理员", wording.cadre(facts.responsible)),)),
            wording.station_section(facts.installation, facts.settings),
            wording.hotline_section(facts.installation, facts.settings),
        ),
        signatures=("群众签收", "代理员签名"),
        warnings=wording.missing_settings(facts.settings),
    )
