"""受理回执: the villager's proof that the matter is registered, who answers for
it and when it is due; optionally with the station's 存根 below a cut line."""

from __future__ import annotations

from haian_desk.cases.records import Case
from haian_desk.cases.vocabulary import CHANNELS, KINDS, label
from haian_desk.documents import qr, wording
from haian_desk.documents.facts import CaseFacts
from haian_desk.documents.model import Document, Field, Section

TITLE = "受理回执"


def build(facts: CaseFacts, copy: int = 1, stub: bool = False) -> Document:
    case, settings = facts.case, facts.settings
    return Document(
        doc="receipt",
        title=TITLE if case.accepted_at else "登记回执",
        issuer=facts.installation.unit_name,
        number=case.case_no,
        qr=qr.payload(case.case_no, case.unit_code),
        copy=copy,
        sections=(
            Section("群众", fields=wording.villager_fields(facts.villager, settings.receipt_full_id)),
            Section("办件", fields=_case_fields(case)),
            Section(
                "已收材料",
                items=tuple(case.materials_received),
                paragraphs=() if case.materials_received else ("本事项未收取材料。",),
            ),
            Section("责任人", fields=wording.people_fields(facts.first_cadre, facts.responsible)),
            wording.station_section(facts.installation, settings),
            Section("须知", paragraphs=_notes(facts)),
            wording.hotline_section(facts.installation, settings),
        ),
        signatures=("群众签名", "代理员签名"),
        stub=_stub(facts, copy) if stub else None,
        warnings=wording.missing_settings(settings),
    )


def _case_fields(case: Case) -> tuple[Field, ...]:
    fields = [
        Field("服务类型", label(KINDS, case.kind)),
        Field("事项", wording.matter(case)),
    ]
    if case.matter_name:
        fields.append(Field("诉求内容", case.description))
    fields += [
        Field("受理渠道", label(CHANNELS, case.channel)),
        Field(
            "受理时间" if case.accepted_at else "登记时间",
            wording.when(case.accepted_at or case.registered_at),
        ),
        Field("承诺时限", wording.promise(case), strong=True),
    ]
    return tuple(fields)


def _notes(facts: CaseFacts) -> tuple[str, ...]:
    case = facts.case
    notes = list(wording.fee_lines(facts.catalogue_item))
    notes += wording.calendar_notes(case)
    if case.timing != "即办":
        notes.append(wording.NOT_COUNTED)
    if case.materials_missing:
        notes.append("尚缺材料：" + "、".join(case.materials_missing) + "（见补正材料告知单）。")
    notes.append(wording.progress_text(case.case_no, facts.settings))
    notes.append("办结后代理员会当面、电话或上门告诉您结果，并请您对服务进行评价。")
    return tuple(notes)


def _stub(facts: CaseFacts, copy: int) -> Document:
    """The station's half: others may see it, so the villager is masked."""
    case = facts.case
    return Document(
        doc="receipt_stub",
        title=f"{TITLE}（存根）",
        issuer=facts.installation.unit_name,
        number=case.case_no,
        copy=copy,
        public=True,
        sections=(
            Section(
                fields=(
                    *wording.public_villager_fields(facts.villager),
                    Field("服务类型", label(KINDS, case.kind)),
                    Field("事项", case.matter_name or label(KINDS, case.kind)),
                    Field("受理时间", wording.when(case.accepted_at or case.registered_at)),
                    Field("承诺时限", wording.promise(case), strong=True),
                    *wording.people_fields(facts.first_cadre, facts.responsible),
                )
            ),
        ),
        signatures=("群众签收", "代理员"),
    )
