"""Importing for real: events through the ledger, one transaction, idempotence, undo, history, export."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from haian_desk.assessment.periods import parse_period
from haian_desk.assessment.report import build
from haian_desk.cases import queries
from haian_desk.core.errors import RuleRefused
from haian_desk.imports import ImportCancelled, make_plan, run_import
from haian_desk.imports.export import export
from haian_desk.imports.undo import history, undo
from haian_desk.people import cadres, villagers
from haian_desk.people.permissions import NotPermitted
from haian_desk.storage.check import run_check
from tests.conftest import ADMIN
from tests.haian_desk import import_files as F
from tests.haian_desk.conftest import event_count

ROSTER = [
    ["姓名", "身份证号", "联系电话", "住址", "户号"],
    ["张三", "11010519491231002X", "13812345678", "双楼村3组", "0001"],
    ["李四", "440524188001010014", "13812345679", "双楼村3组", "0001"],
    ["王五", "", "13812345670", "双楼村4组", "0002"],
    ["坏号", "110105194912310021", "", "", ""],
]
LEDGER_HEADER = [
    "序号",
    "登记日期",
    "姓名",
    "身份证号",
    "类型",
    "事项",
    "内容",
    "经办人",
    "办理结果",
    "办结日期",
    "群众评价",
]


def roster(tmp_path, rows=ROSTER, name="roster.xlsx"):
    return F.xlsx(tmp_path / name, [("一组", rows)])


def tagged(desk, import_id):
    return desk.db.scalar("SELECT count(*) FROM events WHERE json_extract(payload, '$.import_id') = ?", (import_id,))


def test_villagers_are_written_as_tagged_events_and_the_import_is_listed(desk, tmp_path):
    result = run_import(desk, "admin", roster(tmp_path), "villagers")
    assert result.counts() == {"added": 3, "updated": 0, "unchanged": 0, "refused": 1, "rows": 4}
    assert tagged(desk, result.import_id) == 3
    assert desk.db.scalar("SELECT count(*) FROM villagers") == 3
    [listed] = history(desk)
    assert (listed["id"], listed["actor"], listed["file_name"], listed["added"], listed["refused"]) == (
        result.import_id,
        "admin",
        "roster.xlsx",
        3,
        1,
    )
    assert len(listed["checksum"]) == 64
    assert run_check(desk).ok  # projections equal a rebuild from the log
    # the search keys follow: an imported villager is found like a typed one
    from haian_desk.cases import search

    with desk.db.read() as conn:
        assert [r["name"] for r in search.find_villagers(conn, "zhangsan")] == ["张三"]


def test_a_dry_run_writes_nothing(desk, tmp_path):
    before = event_count(desk)
    with desk.db.read() as conn:
        plan = make_plan(conn, desk, roster(tmp_path), "villagers")
    assert plan.counts()["added"] == 3 and event_count(desk) == before


def test_the_same_file_twice_changes_nothing_the_second_time(desk, tmp_path):
    path = roster(tmp_path)
    run_import(desk, "admin", path, "villagers")
    before = event_count(desk)
    again = run_import(desk, "admin", path, "villagers")
    assert again.import_id is None and again.counts()["unchanged"] == 3 and event_count(desk) == before
    assert len(history(desk)) == 1


def test_an_update_records_only_what_changed(desk, tmp_path, villager_id):
    rows = [ROSTER[0], ["张三", "11010519491231002X", "13900001111", "", "0009"]]
    result = run_import(desk, "admin", roster(tmp_path, rows), "villagers")
    assert result.counts()["updated"] == 1
    payload = json.loads(
        desk.db.scalar("SELECT payload FROM events WHERE stream_id = ? ORDER BY seq DESC LIMIT 1", (villager_id,))
    )
    assert payload == {"phone": "13900001111", "household_no": "0009", "import_id": result.import_id}
    row = desk.db.one("SELECT * FROM villagers WHERE id = ?", (villager_id,))
    assert (row["phone"], row["address"]) == ("13900001111", "曲塘镇双楼村3组")


def test_all_or_nothing_when_a_write_fails_half_way(desk, tmp_path, monkeypatch):
    from haian_desk.imports import villager_rows

    real, calls = villager_rows.write, []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(*args)

    monkeypatch.setattr(villager_rows, "write", failing)
    before = event_count(desk)
    with pytest.raises(RuntimeError):
        run_import(desk, "admin", roster(tmp_path), "villagers")
    assert event_count(desk) == before and desk.db.scalar("SELECT count(*) FROM villagers") == 0
    assert history(desk) == []


def test_cancel_leaves_nothing(desk, tmp_path):
    seen = []
    with pytest.raises(ImportCancelled):
        run_import(
            desk,
            "admin",
            roster(tmp_path),
            "villagers",
            progress=lambda d, t: seen.append((d, t)),
            cancel=lambda: len(seen) >= 1,
        )
    assert desk.db.scalar("SELECT count(*) FROM villagers") == 0 and history(desk) == []


def test_undo_withdraws_exactly_what_the_import_added_or_changed(desk, tmp_path, villager_id):
    rows = [*ROSTER[:2], ["张三", "11010519491231002X", "13900001111", "", ""]][:1] + [
        ["张三", "11010519491231002X", "13900001111", "", ""],
        *ROSTER[2:4],
    ]
    result = run_import(desk, "admin", roster(tmp_path, rows), "villagers")
    assert result.counts()["added"] == 2 and result.counts()["updated"] == 1
    done = undo(desk, "admin", result.import_id)
    assert (done.withdrawn, done.kept) == (3, [])
    assert [r["name"] for r in desk.db.query("SELECT name FROM villagers WHERE active = 1")] == ["张三"]
    assert desk.db.scalar("SELECT phone FROM villagers WHERE id = ?", (villager_id,)) == "13812345678"
    assert history(desk)[0]["undone_at"]
    with pytest.raises(RuleRefused, match="撤销过"):
        undo(desk, "admin", result.import_id)
    assert run_check(desk).ok
    # importing it again after the undo brings the people back (and only them)
    again = run_import(desk, "admin", roster(tmp_path, rows), "villagers")
    assert again.counts()["updated"] == 3
    assert desk.db.scalar("SELECT count(*) FROM villagers WHERE active = 1") == 3


def test_undo_leaves_a_record_changed_by_hand_since_and_says_why(desk, tmp_path):
    result = run_import(desk, "admin", roster(tmp_path), "villagers")
    wang = desk.db.scalar("SELECT id FROM villagers WHERE name = '王五'")
    villagers.update(
        desk, "clerk", wang, villagers.VillagerInput(name="王五", phone="13812345670", address="双楼村5组")
    )
    done = undo(desk, "admin", result.import_id)
    assert done.withdrawn == 2
    [kept] = done.kept
    assert kept["row"] == 5 and "被改动过（clerk" in kept["reason"]
    assert desk.db.scalar("SELECT active FROM villagers WHERE id = ?", (wang,)) == 1


# --- who may import: a station head or an admin, as a real login --------------------------------


def test_a_station_head_may_import_and_undo(desk, tmp_path):
    from haian_desk.people import users

    users.add_user(desk, "head", "仲站长", "station_head", "haian123", actor="admin")
    result = run_import(desk, "head", roster(tmp_path), "villagers")
    assert history(desk)[0]["actor"] == "head"
    assert undo(desk, "head", result.import_id).withdrawn == 3


@pytest.mark.parametrize(
    ("actor", "said"),
    [
        ("", "没有说明是谁在从表格导入或撤销导入"),
        ("cli:someone", "“cli:someone”不是本站的账号"),
        ("clerk", "代理站工作人员不能从表格导入或撤销导入"),
        ("stopped", "账号“stopped”已停用"),
    ],
)
def test_only_an_active_head_or_admin_may_import_or_undo(desk, tmp_path, actor, said):
    from haian_desk.people import users

    users.add_user(desk, "stopped", "离职站长", "station_head", "haian123", actor="admin")
    users.set_active(desk, "admin", "stopped", False)
    before = event_count(desk)
    with pytest.raises(NotPermitted, match=said):
        run_import(desk, actor, roster(tmp_path), "villagers")
    assert event_count(desk) == before and history(desk) == []
    done = run_import(desk, "admin", roster(tmp_path), "villagers")
    with pytest.raises(NotPermitted, match=said):
        undo(desk, actor, done.import_id)
    assert history(desk)[0]["undone_at"] is None


def test_unknown_import_id(desk):
    from haian_desk.core.errors import NotFound

    with pytest.raises(NotFound, match="import list"):
        undo(desk, "admin", "nope")


# --- cadres ------------------------------------------------------------------------------------


def test_cadres_import_then_again_unchanged(desk, tmp_path):
    rows = [
        ["姓名", "职务", "电话", "负责片区"],
        ["仲维国", "站长", "13906271000", "一组、二组"],
        ["周梅", "代理员", "0513-88881234", "三组"],
        ["无电话", "代理员", "", ""],
    ]
    path = F.xls(tmp_path / "cadres.xls", [("代理员", rows)], title="双楼村代理员名单")
    result = run_import(desk, "admin", path, "cadres")
    assert result.counts() == {"added": 2, "updated": 0, "unchanged": 0, "refused": 1, "rows": 3}
    assert "电话要公示" in result.plan.refused()[0].reason
    names = {r["name"]: r for r in cadres.active_cadres(desk)}
    assert names["仲维国"]["title"] == "站长" and names["周梅"]["phone"] == "051388881234"
    assert run_import(desk, "admin", path, "cadres").counts()["unchanged"] == 2


def test_cadre_roster_fields_role_party_member_and_start(desk, tmp_path):
    rows = [
        ["姓名", "电话", "角色", "是否党员", "到任日期", "负责片区"],
        ["仲维国", "13906271000", "站长", "是", "2020-03-01", "一组"],
        ["周梅", "13906271001", "联络员", "群众", "", "二组"],
        ["钱亮", "13906271002", "组长", "是", "", ""],
        ["孙平", "13906271003", "代理员", "也许", "", ""],
    ]
    result = run_import(desk, "admin", F.xlsx(tmp_path / "c.xlsx", [("名单", rows)]), "cadres")
    assert [r.verdict for r in result.plan.rows] == ["add", "add", "refused", "refused"]
    assert "没有“组长”这种角色" in result.plan.rows[2].reason and "“也许”看不懂" in result.plan.rows[3].reason
    head = desk.db.one("SELECT * FROM cadres WHERE name = '仲维国'")
    assert (head["role"], head["party_member"], head["active_from"]) == ("head", 1, "2020-03-01")
    assert desk.db.scalar("SELECT party_member FROM cadres WHERE name = '周梅'") == 0
    again = run_import(desk, "admin", F.xlsx(tmp_path / "c.xlsx", [("名单", rows)]), "cadres")
    assert again.counts()["unchanged"] == 2


# --- past ledgers ------------------------------------------------------------------------------


@pytest.fixture
def ledger(tmp_path, cadre_id, villager_id):
    rows = [
        LEDGER_HEADER,
        [
            1,
            "2025-03-02",
            "张三",
            "11010519491231002X",
            "民意代言",
            "",
            "反映3组路灯坏了",
            "仲维国",
            "已办成：已修好",
            "2025-03-03",
            "满意",
        ],
        [
            2,
            "2025/9/15",
            "赵六",
            "",
            "事务代办",
            "社会保障卡申领",
            "代办社保卡",
            "仲维国",
            "办结",
            "2025/9/20",
            "不满意",
        ],
        [3, "2026年2月1日", "赵六", "", "诉求代理", "", "宅基地纠纷", "仲维国", "", "", ""],
        [4, "2025-04-31", "张三", "", "民意代言", "", "日期不对", "仲维国", "", "", ""],
        [5, "2025-05-06", "张三", "", "民意代言", "", "经办人不在名录", "李代理", "", "", ""],
        [6, "2025-05-08", "张三", "", "民意代言", "", "办结早于登记", "仲维国", "已办", "2025-05-01", ""],
        [7, "2025-03-02", "张三", "11010519491231002X", "民意代言", "", "反映3组路灯坏了", "仲维国", "", "", ""],
        [8, "2025-06-02", "张三", "", "民意代言", "", "只有结果", "仲维国", "已办好", "", ""],
        [9, "2025-06-03", "张三", "", "民意代言", "", "还在办", "仲维国", "办理中", "", ""],
        ["合计", "", "", "", "", "", "", "", "", "", ""],
    ]
    return F.xlsx(tmp_path / "ledger.xlsx", [("2025年", rows)], title="双楼村代理登记台账")


def test_past_ledger_rows_become_imported_history_with_their_own_dates(desk, ledger, villager_id, clock):
    result = run_import(desk, "admin", ledger, "cases")
    verdicts = {r.row_no - 2: (r.verdict, r.reason) for r in result.plan.rows}
    assert [verdicts[n][0] for n in range(1, 10)] == [
        "add",
        "add",
        "add",
        "refused",
        "refused",
        "refused",
        "refused",
        "refused",
        "add",
    ]
    assert "写了办理结果“已办好”，却没有办结日期" in verdicts[8][1]
    assert "“2025-04-31”不存在" in verdicts[4][1]
    assert "“李代理”不在代理员名录中" in verdicts[5][1]
    assert "早于登记日期" in verdicts[6][1]
    assert "与本文件第3行是同一件事" in verdicts[7][1]
    cases = {c["description"]: c for c in map(dict, desk.db.query("SELECT * FROM cases"))}
    lamp = cases["反映3组路灯坏了"]
    assert (lamp["registered_at"], lamp["completed_at"]) == ("2025-03-02T01:00:00Z", "2025-03-03T09:00:00Z")
    assert (lamp["status"], lamp["rating"], lamp["result"], lamp["result_note"]) == ("rated", 4, "granted", "已修好")
    assert lamp["villager_id"] == villager_id and lamp["imported_from"] == result.import_id
    assert lamp["case_no"] == "102210-250302-001"
    pension = cases["代办社保卡"]
    assert pension["catalogue_code"] and pension["rating"] == 2 and pension["rating_reason"] == "历史台账未记原因"
    open_claim = cases["宅基地纠纷"]  # a claim without recorded authorisation, still open
    assert (open_claim["status"], open_claim["deadline"]) == ("in_progress", None)
    assert pension["villager_id"] == open_claim["villager_id"]  # 赵六 added once, for both rows
    assert desk.db.scalar("SELECT count(*) FROM villagers WHERE name = '赵六'") == 1
    # imported history is never overdue
    assert queries.count(desk, queries.CaseFilter(overdue=True), clock.now) == 0
    assert run_check(desk).ok


def test_imported_cases_count_in_the_assessment_period_they_belong_to(desk, ledger):
    run_import(desk, "admin", ledger, "cases")
    h1 = _station(desk, "2025H1")
    # the lamp (completed, rated) and 还在办 (still open, yet not overdue: imported history has no deadline)
    assert (h1["registered"], h1["accepted"], h1["completed"], h1["ratings"], h1["open_overdue"]) == (2, 2, 1, 1, 0)
    h2 = _station(desk, "2025H2")
    assert (h2["registered"], h2["completed"], h2["bad_reviews"]) == (1, 1, 1)


def _station(desk, period):
    rows = build(desk, parse_period(period)).rows["station"]
    return next(r for r in rows if r["code"] == desk.installation.unit_code)


def test_imported_case_numbers_follow_the_numbering_without_colliding(desk, tmp_path, new_case, clock, cadre_id):
    typed = new_case()  # 2026-03-04: 102210-260304-001 is issued
    rows = [
        LEDGER_HEADER,
        [1, "2026-03-04", "张三", "", "民意代言", "", "旧台账一", "仲维国", "", "", ""],
        [2, "2026-03-04", "张三", "", "民意代言", "", "旧台账二", "仲维国", "", "", ""],
    ]
    run_import(desk, "admin", F.xlsx(tmp_path / "l.xlsx", [("台账", rows)]), "cases")
    numbers = sorted(r[0] for r in desk.db.query("SELECT case_no FROM cases"))
    assert typed.case_no == "102210-260304-001"
    assert numbers == ["102210-260304-001", "102210-260304-002", "102210-260304-003"]


def test_undoing_a_ledger_import_voids_its_cases_and_they_count_nowhere(desk, ledger):
    result = run_import(desk, "admin", ledger, "cases")
    done = undo(desk, "admin", result.import_id)
    assert done.kept == [] and done.withdrawn == 5  # 4 cases and the villager 赵六
    assert {r[0] for r in desk.db.query("SELECT status FROM cases")} == {"voided"}
    assert _station(desk, "2025H1")["registered"] == 0
    assert desk.db.scalar("SELECT active FROM villagers WHERE name = '赵六'") == 0
    again = run_import(desk, "admin", ledger, "cases")  # after an undo the rows come in again
    assert again.counts()["added"] == 4


def test_the_same_ledger_twice_changes_nothing(desk, ledger):
    run_import(desk, "admin", ledger, "cases")
    before = event_count(desk)
    assert run_import(desk, "admin", ledger, "cases").counts()["unchanged"] == 4
    assert event_count(desk) == before


# --- export: the same columns, a lossless round trip ------------------------------------------


def test_villagers_round_trip_to_another_station_is_lossless(desk, tmp_path, clock):
    from haian_desk.desk import initialise

    run_import(desk, "admin", F.xls(tmp_path / "r.xls", [("一组", [*F.roster_rows()])]), "villagers")
    first = tmp_path / "out1.xlsx"
    assert export(desk, "villagers", first) == 4
    other = initialise(tmp_path / "other", "320685102211", "曲塘镇另一村代理站", "station", admin=ADMIN, wall=clock)
    try:
        assert run_import(other, "admin", first, "villagers").counts()["added"] == 4
        second = tmp_path / "out2.xlsx"
        export(other, "villagers", second)
        assert _cells(first) == _cells(second)
    finally:
        other.close()
    assert run_import(desk, "admin", first, "villagers").counts()["unchanged"] == 4


def test_cases_round_trip_is_lossless(desk, tmp_path, ledger, clock, cadre_id):
    from haian_desk.desk import initialise

    run_import(desk, "admin", ledger, "cases")
    first = tmp_path / "cases1.xlsx"
    assert export(desk, "cases", first) == 4
    assert run_import(desk, "admin", first, "cases").counts()["unchanged"] == 4
    other = initialise(tmp_path / "other", "320685102211", "另一村代理站", "station", admin=ADMIN, wall=clock)
    try:
        cadres.add(other, "admin", cadres.CadreInput(name="仲维国", phone="13906271000", unit_code="320685102211"))
        assert run_import(other, "admin", first, "cases").counts()["added"] == 4
        second = tmp_path / "cases2.xlsx"
        export(other, "cases", second)
        without_numbers = lambda rows: [r[1:] for r in rows]  # noqa: E731 (numbers carry each station's code)
        assert without_numbers(_cells(first)) == without_numbers(_cells(second))
    finally:
        other.close()


def _cells(path):
    from openpyxl import load_workbook

    return [list(r) for r in load_workbook(path).active.iter_rows(values_only=True)]


def test_an_old_xls_ledger_with_real_date_cells(desk, tmp_path, cadre_id, villager_id):
    from datetime import date, datetime

    rows = [
        ["登记日期", "姓名", "身份证号", "类型", "内容", "经办人", "办理结果", "办结日期", "群众评价"],
        [
            date(2024, 11, 5),
            "张三",
            "11010519491231002X",
            "代言",
            "反映河道垃圾",
            "仲维国",
            "已清理",
            datetime(2024, 11, 6, 15, 30),
            5,
        ],
    ]
    path = F.xls(tmp_path / "台账.xls", [("2024", rows)], title="代理登记台账")
    result = run_import(desk, "admin", path, "cases")
    assert result.counts()["added"] == 1
    case = desk.db.one("SELECT * FROM cases")
    assert (case["registered_at"], case["completed_at"], case["rating"]) == (
        "2024-11-05T01:00:00Z",
        "2024-11-06T07:30:00Z",
        5,
    )
    assert case["case_no"] == "102210-241105-001" and case["kind"] == "opinion"


def test_imported_history_folds_the_same_at_the_township(desk, ledger, tmp_path, clock):
    """What sync carries are the events: folded at another installation they give the same rows."""
    from haian_desk.desk import initialise
    from haian_desk.storage.eventlog import Event

    run_import(desk, "admin", ledger, "cases")
    events = [
        Event.from_row(r)
        for r in desk.db.query(
            "SELECT id, stream, stream_id, type, hlc, origin, origin_seq, actor, wall_time, payload FROM events "
            "WHERE stream IN ('villager', 'cadre', 'case') ORDER BY seq"
        )
    ]
    township = initialise(tmp_path / "township", "320685102", "曲塘镇代理中心", "township", wall=clock)
    try:
        township.ledger.ingest(events)
        columns = "case_no, status, registered_at, completed_at, rating, deadline, imported_from"
        assert [tuple(r) for r in township.db.query(f"SELECT {columns} FROM cases ORDER BY case_no")] == [
            tuple(r) for r in desk.db.query(f"SELECT {columns} FROM cases ORDER BY case_no")
        ]
    finally:
        township.close()


def test_what_an_import_keeps_about_itself_holds_no_id_number_name_or_phone(desk, tmp_path):
    result = run_import(desk, "admin", roster(tmp_path), "villagers")
    kept = repr([tuple(r) for r in desk.db.query("SELECT * FROM import_items")]) + repr(
        [tuple(r) for r in desk.db.query("SELECT * FROM imports")]
    )
    assert result.import_id in kept
    for secret in ("11010519491231002X", "张三", "13812345678", "王五"):
        assert secret not in kept


def test_export_never_overwrites_a_file(desk, tmp_path):
    from haian_desk.core.errors import HaianError

    existing = tmp_path / "名册.xlsx"
    existing.write_bytes(b"keep me")
    with pytest.raises(HaianError, match="已经存在，没有覆盖"):
        export(desk, "villagers", existing)
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(HaianError, match=r"应以 \.xlsx 结尾"):
        export(desk, "villagers", tmp_path / "名册.xls")


def test_a_cadre_of_another_unit_with_the_same_name_is_not_changed(desk, tmp_path):
    other = cadres.add(desk, "admin", cadres.CadreInput(name="仲维国", phone="13906279999", unit_code="320685102"))
    rows = [["姓名", "电话"], ["仲维国", "13906271000"]]
    result = run_import(desk, "admin", F.xlsx(tmp_path / "c.xlsx", [("名单", rows)]), "cadres")
    assert result.counts()["added"] == 1
    assert desk.db.scalar("SELECT phone FROM cadres WHERE id = ?", (other,)) == "13906279999"


_NAME_CHARS = "张王李赵陈刘周吴郑孙钱冯䶮堃喆赟犇𠮷淼焱鑫〇"
_people = st.lists(
    st.fixed_dictionaries(
        {
            "name": st.text(_NAME_CHARS, min_size=2, max_size=4),
            "minority": st.booleans(),
            "born": st.dates(min_value=date(1920, 1, 1), max_value=date(2020, 12, 31)),
            "seq": st.integers(0, 999),
            "phone": st.one_of(st.none(), st.integers(3_000_000_000, 9_999_999_999).map(lambda n: f"1{n}")),
            "address": st.sampled_from(["", "双楼村一组", "双楼村二组", "曲塘镇双楼村3组"]),
        }
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda p: (p["born"], p["seq"]),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=_people)
def test_any_roster_survives_export_and_import_at_another_station(tmp_path_factory, people):
    from haian_desk.desk import initialise
    from haian_desk.people.idnumber import check_character

    folder = tmp_path_factory.mktemp("trip")
    rows = [["姓名", "身份证号", "联系电话", "住址"]]
    for p in people:
        body = f"320685{p['born']:%Y%m%d}{p['seq']:03d}"
        name = p["name"] + ("·买买提" if p["minority"] else "")
        rows.append([name, body + check_character(body), p["phone"] or "", p["address"]])
    first = initialise(folder / "a", "320685102210", "甲站", "station", admin=ADMIN)
    second = initialise(folder / "b", "320685102211", "乙站", "station", admin=ADMIN)
    try:
        imported = run_import(first, "admin", F.xlsx(folder / "in.xlsx", [("名册", rows)], title=None), "villagers")
        assert imported.counts()["added"] == len(people), imported.plan.refused()
        export(first, "villagers", folder / "a.xlsx")
        assert run_import(second, "admin", folder / "a.xlsx", "villagers").counts()["added"] == len(people)
        export(second, "villagers", folder / "b.xlsx")
        assert _cells(folder / "a.xlsx") == _cells(folder / "b.xlsx")
        assert run_import(first, "admin", folder / "b.xlsx", "villagers").counts()["unchanged"] == len(people)
    finally:
        first.close()
        second.close()
