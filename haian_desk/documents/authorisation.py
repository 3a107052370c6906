"""授权委托书: the villager's written authorisation for a 诉求代理 (claim),
signed by the villager and kept with the case."""

from __future__ import annotations

from haian_desk.cases.records import Case
from haian_desk.core.errors import RuleRefused
from haian_desk.documents import qr, wording
from haian_desk.documents.facts import CaseFacts
from haian_desk.documents.model import Document, Field, Section

TITLE = "授权委托书"
POWERS = (
    "代为向有关单位反映诉求、递交和领取材料；",
    "代为联系有关单位协调、了解办理进度，并向委托人告知结果；",
    "放弃、变更诉求或签订协议的，须委托人本人同意并签字。",
)


def available(case: Case) -> bool:
    return case.kind == "claim"


def build(facts: CaseFacts, copy: int = 1) -> Document:
    case = facts.case
    if not available(case):
        raise RuleRefused("只有诉求代理需要授权委托书")
    auth = case.authorisation or {}
    agent = facts.responsible
    return Document(
        doc="authorisation",
        title=TITLE,
        issuer=facts.installation.unit_name,
        number=case.case_no,
        qr=qr.payload(case.case_no, case.unit_code),
        copy=copy,
        sections=(
            Section("委托人", fields=wording.villager_fields(facts.villager, facts.settings.receipt_full_id)),
            Section(
                "受托人",
                fields=(
                    Field("姓名", agent.get("name") or ""),
                    Field("联系电话", agent.get("phone") or ""),
                    Field("单位", facts.installation.unit_name),
                ),
            ),
            Section("委托事项", paragraphs=(auth.get("scope") or case.description,)),
            Section("委托权限", items=POWERS),
            Section(
                "委托期限", paragraphs=("自委托人签字之日起，至本事项办结并告知委托人时止。委托人可以随时撤回委托。",)
            ),
            Section("说明", paragraphs=(wording.FREE_SERVICE, "本委托书一式两份，委托人和代理站各执一份。")),
            wording.hotline_section(facts.installation, facts.settings),
        ),
        signatures=("委托人签名（按手印）", "受托人签名"),
        warnings=wording.missing_settings(facts.settings),
    )
