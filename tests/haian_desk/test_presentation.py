"""What the case screens say: time left, masked columns, timeline lines, the case view."""

from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from haian_desk.cases import presentation as pres, queries
from haian_desk.cases.operations import Intake, act, take_in
from haian_desk.cases.records import Case
from haian_desk.core.timeutil import to_iso
from haian_desk.desk import initialise
from haian_desk.people import cadres, users, villagers
from haian_desk.people.villager_queries import Villager
from haian_desk.storage.eventlog import Event

NOW = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # 15:00 in Haian


def iso(delta: timedelta) -> str:
    return to_iso(NOW + delta)


@pytest.mark.parametrize(
    "seconds, words",
    [
        (20, "不到1分钟"),
        (40 * 60, "40分钟"),
        (5 * 3600 + 59, "5小时"),
        (24 * 3600, "1天"),
        (51 * 3600, "2天3小时"),
        (26 * 24 * 3600 + 5 * 3600, "26天"),
        (-3 * 3600, "3小时"),
    ],
)
def test_durations_read_the_way_a_clerk_says_them(seconds, words):
    assert pres.describe_duration(seconds) == words


def test_overdue_matters_say_by_how_much():
    left = pres.time_left("in_progress", iso(-timedelta(hours=3, minutes=10)), NOW)
    assert (left.tone, left.text) == (pres.OVERDUE, "已超期 3小时")
    assert pres.status_text("in_progress", iso(-timedelta(hours=3)), NOW) == "办理中 · 已超期 3小时"


def test_due_soon_means_within_a_day_and_says_how_long_is_left():
    left = pres.time_left("transferred", iso(timedelta(hours=5, minutes=30)), NOW)
    assert (left.tone, left.text) == (pres.DUE_SOON, "还剩5小时")
    later = pres.time_left("in_progress", iso(timedelta(hours=30)), NOW)
    assert (later.tone, later.text) == (pres.ON_TIME, "还剩1天6小时")


def test_paused_waiting_and_finished_matters_are_not_counted_down():
    assert pres.time_left("paused", iso(-timedelta(hours=9)), NOW).tone == pres.PAUSED
    assert pres.status_text("paused", iso(-timedelta(hours=9)), NOW) == "暂停计时"
    assert pres.time_left("registered", None, NOW) == pres.TimeLeft(pres.UNTIMED, "")
    assert pres.time_left("in_progress", None, NOW) == pres.TimeLeft(pres.UNTIMED, "即办，不计时")
    done = pres.time_left("rated", iso(-timedelta(days=9)), NOW)
    assert (done.tone, done.text) == (pres.FINISHED, "")
    assert pres.status_text("rated", iso(-timedelta(days=9)), NOW) == "已评价"


@given(st.integers(min_value=-(10**7), max_value=10**7))
def test_the_tone_agrees_with_the_queue_filters(seconds):
    deadline = iso(timedelta(seconds=seconds))
    tone = pres.time_left("in_progress", deadline, NOW).tone
    overdue = queries.CaseFilter(overdue=True)
    assert (tone == pres.OVERDUE) == (deadline < to_iso(NOW))
    assert (tone == pres.DUE_SOON) == (to_iso(NOW) <= deadline < iso(timedelta(hours=24)))
    assert overdue.overdue  # the filter and this module share the same cut-offs (see queries)


def test_the_queue_masks_phones_but_shows_names():
    assert pres.queue_value("villager_phone", "13812345678") == "138****5678"
    assert pres.queue_value("villager", "欧阳娜娜") == "欧阳娜娜"
    assert pres.queue_value("villager_phone", None) == ""


def test_a_villager_on_screen_is_masked_unless_revealed():
    row = Villager("1", "王秀英", id_number="11010519491231002X", phone="13812345678", address="双楼村3组")
    assert pres.villager_summary(row) == {
        "name": "王秀英",
        "id_number": "110105********002X",
        "phone": "138****5678",
        "address": "双楼村3组",
    }
    assert pres.villager_summary(row, reveal=True)["id_number"] == "11010519491231002X"
    line = pres.villager_choice_text(row)
    assert "19491231" not in line and "12345678" not in line and line.startswith("王秀英")


def _event(type_, payload, actor="clerk"):
    return Event("e1", "case", "c1", type_, "h", "o", 1, actor, "2026-11-25T07:00:00Z", payload)


@pytest.mark.parametrize(
    "type_, payload, words",
    [
        (
            "transferred",
            {"to_level": "township", "to_unit": "曲塘镇代理中心", "reason": "需镇里审核"},
            "转至镇（街道）代理中心：曲塘镇代理中心；理由：需镇里审核",
        ),
        ("rated", {"level": 2, "reason": "跑了两趟"}, "不满意；原因：跑了两趟"),
        ("rated", {"level": 5}, "非常满意"),
        ("materials_missing", {"missing": ["户口簿", "照片"]}, "一次性告知缺少：户口簿、照片"),
        ("completed", {"result": "refused", "note": "不符合条件"}, "结果：未获批准（已说明理由）；不符合条件"),
        ("replied", {"method": "phone"}, "方式：电话告知"),
        ("assigned", {"cadre_id": "k1"}, "经办人：仲维国"),
        ("declined", {"reason": "须本人办理", "remedy": "到镇里办"}, "理由：须本人办理；群众可以：到镇里办"),
    ],
)
def test_timeline_details_are_plain_words(type_, payload, words):
    assert pres.describe_event(_event(type_, payload), {"k1": "仲维国"}) == words


def test_every_event_type_has_words_in_the_timeline():
    assert pres.undescribed_event_types() == set()


def test_timeline_lines_name_the_person_and_the_local_time():
    lines = pres.timeline_lines([_event("note", {"text": "已联系民政办"})], {"o:clerk": "季红梅"}, {})
    assert lines == [pres.TimelineLine("2026-11-25 15:00", "季红梅", "备注", "已联系民政办")]


def test_urgent_quick_picks_are_all_in_the_future():
    for words, moment in pres.urgent_deadline_choices(NOW):
        assert moment > NOW, words
    names = [w for w, _ in pres.urgent_deadline_choices(NOW)]
    assert names[:2] == ["2小时内", "4小时内"] and "今天下班前（17:30）" in names
    evening = pres.urgent_deadline_choices(NOW + timedelta(hours=3))  # 18:00 in Haian
    assert "今天下班前（17:30）" not in [w for w, _ in evening]


def test_case_view_gathers_what_the_detail_screen_shows(tmp_path):
    desk = initialise(tmp_path / "s", "320685102210", "双楼村代理站", admin=("admin", "secret-pw"), wall=lambda: NOW)
    cadre = cadres.add(desk, "admin", cadres.CadreInput("仲维国", "13906271000", "320685102210"))
    users.add_user(desk, "clerk", "季红梅", "station_staff", "haian123", cadre, actor="admin")
    person = villagers.register(
        desk, "clerk", villagers.VillagerInput("王秀英", id_number="11010519491231002X", phone="13812345678")
    )
    case = take_in(
        desk,
        "clerk",
        Intake(
            kind="errand", villager_id=person, description="代办低保", first_cadre_id=cadre, catalogue_code="MZ-001"
        ),
    )
    act(desk, "clerk", case.case_id, "note", text="已联系民政办")
    view = pres.case_view(desk, case.case_id, NOW + timedelta(hours=1))
    assert view.villager["id_number"] == "110105********002X"
    assert view.villager_revealed["phone"] == "13812345678"
    assert view.matter == {
        "name": "最低生活保障申请",
        "level": "县",
        "limit": "25个工作日",
        "route": view.matter["route"],
    }
    assert [line.what for line in view.timeline] == ["登记", "受理", "备注"]
    assert view.timeline[0].who == "季红梅"
    assert "completed" in view.allowed and "accepted" not in view.allowed
    assert view.time_left.tone == pres.ON_TIME
    desk.close()


def test_a_matter_that_needs_the_person_says_so_before_anything_is_typed(desk):
    from haian_desk.cases.catalogue_queries import find_items, get_item

    marriage = next(i for i in find_items(desk, "婚姻登记"))
    summary = pres.matter_summary(marriage)
    assert summary.in_person and "须本人到场办理，不能代办" in summary.in_person_notice
    assert summary.choice_text().endswith("【须本人到场】")
    dibao = pres.matter_summary(get_item(desk, "MZ-001"))
    assert (dibao.level, dibao.limit, dibao.in_person) == ("县", "25个工作日", False)
    assert "户口簿" in dibao.materials and dibao.choice_text() == "最低生活保障申请（县级 · 25个工作日）"


def _case(**values) -> Case:
    """A case record with just the fields a rule reads (the rest None)."""
    return Case(**{f.name: None for f in fields(Case)} | values)


def test_a_second_missing_notice_may_only_repeat_the_first():
    case = _case(materials_received=("身份证",), missing_first=())
    assert pres.missing_material_choices(case, ["身份证", "户口簿", "照片"]) == ["户口簿", "照片"]
    told = _case(materials_received=("身份证", "照片"), missing_first=("户口簿", "照片"))
    assert pres.missing_material_choices(told, ["身份证", "户口簿", "照片", "申请书"]) == ["户口簿"]


def test_actions_offered_are_those_allowed_that_can_succeed():
    from haian_desk.cases.fold import allowed_events

    errand = _case(status="in_progress", kind="errand", followup_open=0)
    assert "authorised" in allowed_events(errand.state())
    assert "authorised" not in pres.offered_actions(errand)
    assert "authorised" in pres.offered_actions(replace(errand, kind="claim"))
    rated = _case(status="rated", kind="opinion", followup_open=0)
    assert "rectified" not in pres.offered_actions(rated)
    assert "rectified" in pres.offered_actions(replace(rated, followup_open=1))
    assert set(pres.offered_actions(rated)) <= set(allowed_events(rated.state()))
