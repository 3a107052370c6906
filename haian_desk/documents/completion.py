"""办结告知单: the result, when it was finished, how to collect it, and the
invitation to rate the service on the five levels."""

from __future__ import annotations

from haian_desk.cases.records import Case
from haian_desk.cases.vocabulary import RATINGS, RESULTS, label
from haian_desk.core.errors import RuleRefused
from haian_desk.documents import qr, wording
from haian_desk.documents.facts import CaseFacts
from haian_desk.documents.model import Document, Field, Section

TITLE = "办结告知单"


def available(case: Case) -> bool:
    return bool(case.completed_at)


def build(facts: CaseFacts, copy: int = 1) -> Document:
    case = facts.case
    if not available(case):
        raise RuleRefused("这件办件还没有办结，不能打印办结告知单", "办结后再打印")
    return Document(
        doc="completion",
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
                    Field("受理时间", wording.when(case.accepted_at or case.registered_at)),
                )
            ),
            Section("办理结果", fields=_result_fields(case)),
            Section("领取方式", paragraphs=_collect(facts)),
            Section("请您评价", paragraphs=_rating(case)),
            Section("经办", fields=wording.people_fields(facts.first_cadre, facts.responsible)),
            wording.hotline_section(facts.installation, facts.settings),
        ),
        signatures=("群众签收", "代理员签名"),
        warnings=wording.missing_settings(facts.settings),
    )


def _result_fields(case: Case) -> tuple[Field, ...]:
    fields = [Field("结果", label(RESULTS, case.result), strong=True)]
    if case.result_note:
        fields.append(Field("说明", case.result_note))
    fields.append(Field("办结时间", wording.when(case.completed_at)))
    if case.deadline:
        on_time = (case.completed_at or "") <= case.deadline  # the paper is offered once it is completed
        fields.append(Field("承诺时限", f"{wording.when(case.deadline)}前（{'按时办结' if on_time else '已超时'}）"))
    return tuple(fields)


def _collect(facts: CaseFacts) -> tuple[str, ...]:
    settings = facts.settings
    where = f"（{settings.address}）" if settings.address else ""
    hours = f"，办公时间：{settings.office_hours}" if settings.office_hours else ""
    return (
        f"有证件、批复等办理结果的，请凭本告知单和身份证到本站{where}领取{hours}。",
        "行动不便的，告诉代理员，代理员送上门。",
        wording.FREE_SERVICE,
    )


def _rating(case: Case) -> tuple[str, ...]:
    if case.rating is not None:
        return (f"您的评价：{label(RATINGS, case.rating)}。谢谢！",)
    boxes = "  ".join(f"□{name}" for name in RATINGS.values())
    return (
        "请在下面选一项，告诉代理员或写在本单上交回本站：",
        boxes,
        f"选“不满意”或“非常不满意”的，请写明原因：{wording.BLANK * 3}",
        "每件事只评价一次；差评由经办代理员回访并整改。",
    )
