"""Copies and reprints: each copy is a 'printed' event; the second copy onwards says 补打."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk import documents
from haian_desk.cases import operations, queries
from haian_desk.cases.fold import ALLOWED, allowed_events
from haian_desk.cases.vocabulary import STATUSES
from haian_desk.core import masking
from haian_desk.core.errors import NotFound, ValidationError
from haian_desk.documents import prints, qr
from haian_desk.people import villagers
from haian_desk.people.idnumber import check_character
from haian_desk.storage.check import run_check


def test_second_copy_is_marked_as_a_reprint_with_its_count(desk, new_case):
    case = new_case()
    first = documents.build(desk, case.case_id, "receipt")
    assert first.copy == 1 and first.reprint_mark == ""
    prints.record(desk, "clerk", case.case_id, "receipt", first.copy, "80mm", "printer")
    second = documents.build(desk, case.case_id, "receipt")
    assert second.copy == 2 and second.reprint_mark == "补打（第1次）"
    assert second.reprint_mark in second.text()
    prints.record(desk, "clerk", case.case_id, "receipt", second.copy, "a4", "pdf")
    assert documents.build(desk, case.case_id, "receipt").reprint_mark == "补打（第2次）"


def test_each_document_counts_its_own_copies(desk, new_case):
    case = new_case(kind="claim", accept=False)
    prints.record(desk, "clerk", case.case_id, "receipt", 1, "a4", "printer")
    assert documents.build(desk, case.case_id, "authorisation").copy == 1
    assert prints.copies_printed(desk, case.case_id, "receipt") == 1


def test_a_print_changes_nothing_on_the_case_but_is_on_its_timeline(desk, new_case):
    case = new_case()
    before = queries.get_case(desk, case.case_id)
    prints.record(desk, "clerk", case.case_id, "receipt", 1, "58mm", "printer")
    after = queries.get_case(desk, case.case_id)
    bookkeeping = {"updated_at", "last_hlc", "event_count"}
    assert {k: v for k, v in before.state().items() if k not in bookkeeping} == {
        k: v for k, v in after.state().items() if k not in bookkeeping
    }
    last = queries.timeline(desk, case.case_id)[-1]
    assert last.type == "printed" and last.payload == {
        "doc": "receipt",
        "copy": 1,
        "paper": "58mm",
        "medium": "printer",
    }
    assert run_check(desk).ok


@pytest.mark.parametrize("status_path", [[], ["declined"], ["withdrawn"]])
def test_papers_can_be_reprinted_in_every_status(desk, new_case, status_path):
    case = new_case(accept=False)
    for step in status_path:
        payload = {
            "declined": {"reason": "须本人办理", "remedy": "请本人到镇里办"},
            "withdrawn": {"reason": "群众自己办了"},
        }[step]
        operations.act(desk, "clerk", case.case_id, step, **payload)
    prints.record(desk, "clerk", case.case_id, "receipt", 1, "a4", "printer")
    assert prints.copies_printed(desk, case.case_id, "receipt") == 1


def test_printing_is_never_offered_as_a_workflow_action(desk, new_case):
    state = queries.get_case(desk, new_case().case_id).state()
    assert "printed" not in allowed_events(state)
    assert set(ALLOWED["printed"]) == set(STATUSES)  # yet the fold takes it in every status


@pytest.mark.parametrize("copy", [0, -1, "2", True, None])
def test_a_print_record_needs_a_positive_copy_number(desk, new_case, copy):
    case = new_case()
    before = desk.db.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValidationError):
        prints.record(desk, "clerk", case.case_id, "receipt", copy, "a4", "printer")
    assert desk.db.scalar("SELECT count(*) FROM events") == before


def test_printing_for_a_case_that_is_not_here(desk):
    with pytest.raises(NotFound):
        prints.record(desk, "clerk", "no-such-case", "receipt", 1, "a4", "printer")
    with pytest.raises(NotFound) as caught:
        documents.by_case_number(desk, "999999-000000-001")
    assert "999999-000000-001" in caught.value.message


def test_qr_payload_round_trips_and_refuses_strangers():
    text = qr.payload("102210-260304-001", "320685102210")
    assert text.isascii()
    assert qr.parse(text) == ("102210-260304-001", "320685102210")
    assert qr.parse("https://example.com") is None
    assert qr.parse("HAIAN-DESK//320685102210") is None


names = st.text(alphabet="王张李欧阳司马䶮堃喆赟犇秀英建国", min_size=2, max_size=5)
digits = st.text(alphabet="0123456789", min_size=8, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, phone_tail=digits, seq=st.integers(0, 999))
def test_public_stub_never_shows_a_villagers_id_phone_or_full_name(desk, cadre_id, name, phone_tail, seq):
    first17 = f"32062119{seq % 80 + 20:02d}0101{seq:03d}"
    id_number = first17 + check_character(first17)
    phone = "13" + phone_tail + "9"
    vid = _villager(desk, name, id_number, phone)
    case = operations.take_in(
        desk,
        "clerk",
        operations.Intake(kind="opinion", villager_id=vid, description="建议修路", first_cadre_id=cadre_id),
    )
    stub = documents.build(desk, case.case_id, "receipt", stub=True).stub.text()
    assert id_number not in stub and id_number[6:14] not in stub  # the birth date stays hidden
    assert phone not in stub and masking.mask_phone(phone) in stub
    assert name not in stub.replace(masking.mask_name(name), "")
    assert masking.mask_name(name) in stub


def _villager(desk, name, id_number, phone) -> str:
    row = desk.db.one("SELECT id FROM villagers WHERE id_number = ?", (id_number,))
    if row:
        villagers.update(desk, "admin", row["id"], villagers.VillagerInput(name=name, id_number=id_number, phone=phone))
        return row["id"]
    return villagers.register(desk, "admin", villagers.VillagerInput(name=name, id_number=id_number, phone=phone))
