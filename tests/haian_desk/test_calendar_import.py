"""A new year's calendar by file: fallback before, recomputation after (in the case history),
and every bad file refused with a clear message and nothing changed."""

from __future__ import annotations

import base64
import json
from datetime import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings, strategies as st

from haian_desk.calendar import files, operations as working_calendar
from haian_desk.calendar.signature import verifier
from haian_desk.cases import queries
from haian_desk.cases.deadlines import describe_counting
from haian_desk.cli import main as cli
from haian_desk.core.errors import ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.timeutil import CST, from_iso

SCHEDULE_2027 = """日期,类别,名称
2027-01-01~2027-01-03,放假,元旦
2027-02-05～2027-02-13,放假,春节
2027/2/20,上班,春节
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CST)


def shown(text: str) -> str:
    return from_iso(text).astimezone(CST).strftime("%Y-%m-%d %H:%M")


def deadline(desk, case) -> str:
    return shown(queries.get_case(desk, case.case_id).deadline)


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def load(desk, path, **options):
    schedule = files.read(path, today=desk.now().date(), verify=verifier(desk), **options)
    return working_calendar.publish(desk, "admin", schedule)


@pytest.fixture
def year_end_cases(desk, new_case, clock):
    """Two open matters counted into 2027 on weekends only, and one that does not reach 2027."""
    clock.now = at("2026-12-31 10:00")
    general = new_case()  # 48 working hours
    clock.now = at("2026-12-30 10:00")
    errand = new_case(kind="errand", catalogue_code="MZ-001")  # 25 working days
    clock.now = at("2026-12-21 10:00")
    inside = new_case()  # due 2026-12-23
    clock.now = at("2026-12-31 11:00")
    return general, errand, inside


def test_fallback_then_recomputed_when_the_year_arrives_by_file(desk, year_end_cases, tmp_path):
    general, errand, inside = year_end_cases
    assert deadline(desk, general) == "2027-01-04 10:00"  # Friday 1 January counted as working
    assert queries.get_case(desk, general.case_id).calendar_basis["fallback_years"] == [2027]
    assert describe_counting(queries.get_case(desk, general.case_id)) == (
        "48小时（只计工作日）；2027年放假安排尚未公布，暂只按周末计算，公布后自动重算"
    )
    before_errand = deadline(desk, errand)
    before_inside = deadline(desk, inside)

    result = load(desk, write(tmp_path, "2027.csv", SCHEDULE_2027))

    assert sorted(result.recomputed) == sorted([general.case_no, errand.case_no])
    assert deadline(desk, general) == "2027-01-05 10:00"  # 1–3 January off now
    assert deadline(desk, errand) > before_errand  # 春节 pushes it later
    assert deadline(desk, inside) == before_inside
    assert queries.get_case(desk, general.case_id).calendar_basis["fallback_years"] == []
    assert describe_counting(queries.get_case(desk, general.case_id)) == "48小时（只计工作日）"
    last = queries.timeline(desk, general.case_id)[-1]
    assert last.type == "deadline_recomputed"
    assert "导入了2027年工作日历" in last.payload["reason"] and last.payload["previous"]
    # the timeline says why in the reader's language: the cause is kept as data, not only the sentence
    from haian_desk.cases.presentation import event_parts
    from haian_desk.core import messages

    parts = event_parts(last, {})
    assert "导入了2027年工作日历" in messages.message_text(parts[0], "zh_CN")
    english = "; ".join(messages.message_text(p, "en") for p in parts)
    assert "imported the 2027 working calendar" in english and "counted again on the new calendar" in english
    years = {y.year: y for y in working_calendar.years_known(desk)}
    assert years[2027].official and "曲塘镇双楼村代理站发布" in years[2027].source


def test_recomputing_again_changes_nothing_more(desk, year_end_cases, tmp_path):
    general, _, _ = year_end_cases
    load(desk, write(tmp_path, "2027.csv", SCHEDULE_2027))
    once = deadline(desk, general)
    assert load(desk, write(tmp_path, "2027b.csv", SCHEDULE_2027)).recomputed == []
    assert deadline(desk, general) == once


def test_a_closed_case_keeps_the_deadline_in_force_when_it_was_completed(desk, year_end_cases, tmp_path):
    general, _, _ = year_end_cases
    from haian_desk.cases import operations

    operations.act(desk, "clerk", general.case_id, "completed", result="granted")
    load(desk, write(tmp_path, "2027.csv", SCHEDULE_2027))
    assert deadline(desk, general) == "2027-01-04 10:00"


def test_paused_time_stays_added_through_a_recomputation(desk, year_end_cases, tmp_path, clock):
    general, _, _ = year_end_cases
    from haian_desk.cases import operations

    operations.act(desk, "clerk", general.case_id, "paused", reason="等待检测结果")
    clock.now = at("2026-12-31 14:00")
    operations.act(desk, "clerk", general.case_id, "resumed")
    assert deadline(desk, general) == "2027-01-04 13:00"
    load(desk, write(tmp_path, "2027.csv", SCHEDULE_2027))
    assert deadline(desk, general) == "2027-01-05 13:00"


def test_json_and_a_local_closure(desk, tmp_path, new_case, clock):
    data = {
        "year": 2026,
        "kind": "adjusted",
        "source": "台风“海葵”停止办公",
        "days": [{"date": "2026-09-14", "type": "停止办公", "name": "台风"}],
    }
    load(desk, write(tmp_path, "typhoon.json", json.dumps(data, ensure_ascii=False)))
    calendar, _ = working_calendar.here(desk)
    assert calendar.day(at("2026-09-14 00:00").date()).reason == "停止办公（台风）"
    clock.now = at("2026-09-11 10:00")  # a Friday
    assert deadline(desk, new_case()) == "2026-09-16 10:00"  # Monday closed: Tuesday and Wednesday count


def test_only_an_admin_imports_a_calendar(desk, tmp_path):
    from haian_desk.core.errors import HaianError
    from haian_desk.people import users

    users.add_user(desk, "clerk1", "王会计", "station_staff", "pw-123456", actor="admin")
    schedule = files.read(write(tmp_path, "2027.csv", SCHEDULE_2027), today=desk.now().date())
    with pytest.raises(HaianError, match="只有"):
        working_calendar.publish(desk, "clerk1", schedule)
    assert desk.db.scalar("SELECT count(*) FROM calendar_years") == 0


def test_a_gbk_csv_from_excel_is_read(desk, tmp_path):
    path = write(tmp_path, "2027.csv", SCHEDULE_2027, encoding="gbk")
    assert load(desk, path).year == 2027


BAD_FILES = [
    ("overlap.csv", "2027-01-01~2027-01-03,放假,元旦\n2027-01-03,放假,元旦\n", "重复"),
    ("contradiction.csv", "2027-01-01,放假,元旦\n2027-01-01,上班,元旦\n", "相互矛盾"),
    ("range-overlap.csv", "2027-02-05~2027-02-13,放假,春节\n2027-02-10~2027-02-11,上班,春节\n", "相互矛盾"),
    ("far.csv", "2031-01-01,放假,元旦\n", "超出范围"),
    ("old.csv", "1999-01-01,放假,元旦\n", "超出范围"),
    ("format.csv", "01/02/2027,放假,元旦\n", "看不懂"),
    ("nodate.csv", "2027-02-30,放假,春节\n", "看不懂"),
    ("kind.csv", "2027-01-01,半天,元旦\n", "类别"),
    ("two-years.csv", "2026-12-31,放假,元旦\n2027-01-01,放假,元旦\n", "一份日历只能写一年"),
    ("empty.csv", "日期,类别,名称\n", "没有日期"),
    ("bad.json", '{"year": 2027, "days": [', "JSON"),
    ("year.json", json.dumps({"year": 2028, "days": [{"date": "2027-01-01", "type": "holiday"}]}), "不一致"),
]


@pytest.mark.parametrize("name, text, words", BAD_FILES)
def test_bad_files_are_refused_and_change_nothing(desk, year_end_cases, tmp_path, name, text, words):
    before = desk.db.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValidationError) as refused:
        load(desk, write(tmp_path, name, text))
    assert words in str(refused.value)
    assert desk.db.scalar("SELECT count(*) FROM events") == before
    assert desk.db.scalar("SELECT count(*) FROM calendar_years") == 0


def signed(calendar: dict, key: Ed25519PrivateKey, signer: str) -> str:
    signature = key.sign(files.canonical(calendar))
    return json.dumps(
        {"calendar": calendar, "signed_by": signer, "signature": base64.b64encode(signature).decode()},
        ensure_ascii=False,
    )


def test_a_file_signed_by_an_installation_not_above_this_one_is_refused(desk, tmp_path):
    calendar = {"year": 2027, "days": [{"date": "2027-01-01", "type": "holiday", "name": "元旦"}]}
    path = write(tmp_path, "signed.json", signed(calendar, Ed25519PrivateKey.generate(), uuid7()))
    with pytest.raises(ValidationError, match="不是本站的上级签发的"):
        load(desk, path)
    assert desk.db.scalar("SELECT count(*) FROM calendar_years") == 0


def test_cli_due_show_and_a_refused_import(desk, tmp_path, capsys):
    folder = str(desk.folder)
    desk.close()
    assert cli.main(["calendar", "due", "--from", "2026-09-30T10:00", "--limit", "1wd", "--data-dir", folder]) == 0
    assert "2026年10月8日（星期四）10:00前" in capsys.readouterr().out
    assert cli.main(["calendar", "due", "--from", "2026-09-30T16:00", "--limit", "48h", "--data-dir", folder]) == 0
    assert "2026年10月9日（星期五）16:00前" in capsys.readouterr().out
    assert cli.main(["calendar", "show", "--year", "2027", "--json", "--data-dir", folder]) == 0
    shown_2027 = json.loads(capsys.readouterr().out)
    assert not shown_2027["official"] and "周末" in shown_2027["source"]
    bad = write(tmp_path, "bad.csv", "2027-01-01,放假,元旦\n2027-01-01,上班,元旦\n")
    assert cli.main(["calendar", "import", str(bad), "--data-dir", folder]) == 2
    assert "相互矛盾" in capsys.readouterr().err
    good = write(tmp_path, "good.csv", SCHEDULE_2027)
    assert cli.main(["calendar", "import", str(good), "--source", "国办发明电〔2026〕9号", "--data-dir", folder]) == 0
    assert "已导入2027年" in capsys.readouterr().out
    assert cli.main(["calendar", "show", "--data-dir", folder]) == 0
    assert "2027年  曲塘镇双楼村代理站发布（国办发明电〔2026〕9号）" in capsys.readouterr().out


def test_a_case_accepted_before_calendars_existed_is_recounted_when_its_year_arrives(desk, new_case, clock, tmp_path):
    clock.now = at("2026-12-30 10:00")
    case = new_case(kind="errand", catalogue_code="MZ-001", accept=False)
    with desk.db.write() as conn:  # an acceptance recorded by an older release: no deadline in it
        desk.ledger.record(conn, "case", case.case_id, "accepted", {}, "clerk")
    row = queries.get_case(desk, case.case_id)
    assert row.calendar_basis is None and row.deadline_base == row.deadline
    before = row.deadline
    assert load(desk, write(tmp_path, "2027.csv", SCHEDULE_2027)).recomputed == [case.case_no]
    assert queries.get_case(desk, case.case_id).deadline > before  # 春节 2027 now counted


_CELLS = st.one_of(
    st.sampled_from(
        [
            "2027-01-01",
            "2027/2/3",
            "2027年3月4日",
            "20270505",
            "2027-01-01~2027-01-09",
            "2027-13-01",
            "１２３",
            "放假",
            "上班",
            "停止办公",
            "元旦",
            "",
            "~",
            "至",
        ]
    ),
    st.text(max_size=12),
)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(_CELLS, max_size=4), max_size=6))
def test_any_csv_is_read_or_refused_in_words(rows):
    text = "\n".join(",".join(cell.replace(",", "").replace("\n", "").replace('"', "") for cell in row) for row in rows)
    try:
        schedule = files.from_csv(text, today=datetime(2026, 12, 4).date(), source="x", kind=files.PUBLISHED)
    except ValidationError as refused:
        assert str(refused)
    else:
        assert schedule.year == 2027 and schedule.days


@settings(max_examples=100, deadline=None)
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["year", "days", "date", "from", "to", "type", "name", "kind"]), inner, max_size=4
            )
        ),
        max_leaves=12,
    )
)
def test_any_json_is_read_or_refused_in_words(data):
    try:
        files.from_json(json.dumps(data), today=datetime(2026, 12, 4).date(), source="x", kind=None)
    except ValidationError as refused:
        assert str(refused)
