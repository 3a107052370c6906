"""Case papers as data: what each one says, for which cases it exists, and what it hides."""

from __future__ import annotations

from datetime import timedelta

import pytest

from haian_desk import documents, station_settings
from haian_desk.cases import operations
from haian_desk.core.errors import RuleRefused, ValidationError
from haian_desk.core.timeutil import to_iso
from haian_desk.documents import qr
from haian_desk.people import cadres, villagers
from tests.conftest import STATION_CODE

FULL_ID = "11010519491231002X"
FULL_PHONE = "13812345678"


def act(desk, case, type_, **payload):
    return operations.act(desk, "clerk", case.case_id, type_, **payload)


def receipt(desk, case, **kw):
    return documents.build(desk, case.case_id, "receipt", **kw)


def test_receipt_says_number_time_promise_people_and_that_it_is_free(desk, new_case):
    case = new_case()
    doc = receipt(desk, case)
    text = doc.text()
    assert doc.number == case.case_no and doc.title == "受理回执"
    assert qr.parse(doc.qr) == (case.case_no, STATION_CODE)
    fields = {f.label: f for f in doc.section("办件").fields}
    assert fields["受理时间"].value == "2026年3月4日 10:00"  # 02:00 UTC is 10:00 in Haian
    assert fields["承诺时限"].value == "48小时（只计工作日），2026年3月6日（星期五）10:00前办结"
    assert fields["承诺时限"].strong
    assert fields["服务类型"].value == "民意代言"
    assert "仲维国  13906271000" in text  # the responsible cadre with the phone to call
    assert "全程免费" in text and "12345" in text
    assert "不计算在办理时限内" in text
    assert doc.signatures == ("群众签名", "代理员签名")
    assert doc.copy == 1 and doc.reprint_mark == ""


def test_villagers_own_receipt_masks_id_and_phone_unless_the_station_chooses(desk, new_case):
    case = new_case()
    text = receipt(desk, case).text()
    assert "110105********002X" in text and FULL_ID not in text
    assert "138****5678" in text and FULL_PHONE not in text
    station_settings.save(desk, "admin", receipt_full_id=True)
    assert FULL_ID in receipt(desk, case).text()


def test_the_stub_masks_the_villager_whatever_the_setting(desk, new_case):
    station_settings.save(desk, "admin", receipt_full_id=True)
    case = new_case(description="反映家中老人身体情况")
    doc = receipt(desk, case, stub=True)
    stub = doc.stub.text()
    assert doc.stub.public and doc.stub.number == case.case_no
    assert "张*" in stub and "张三" not in stub
    assert FULL_ID not in stub and "002X" not in stub
    assert FULL_PHONE not in stub and "138****5678" in stub
    assert "老人身体" not in stub  # the matter's details stay on the villager's half
    assert "曲塘镇双楼村3组" not in stub


def test_stub_keeps_a_compound_surname_whole(desk, new_case, cadre_id):
    someone = villagers.register(desk, "admin", villagers.VillagerInput(name="欧阳娜娜", phone="13900001111"))
    case = operations.take_in(
        desk,
        "clerk",
        operations.Intake(kind="opinion", villager_id=someone, description="建议修路", first_cadre_id=cadre_id),
    )
    stub = receipt(desk, case, stub=True).stub.text()
    assert "欧阳**" in stub and "欧阳娜娜" not in stub


def test_promises_for_on_the_spot_long_statutory_and_urgent_matters(desk, new_case, clock):
    spot = desk.db.scalar("SELECT code FROM catalogue_items WHERE mode = '即办' AND proxy_allowed = 1")
    assert _promise(desk, new_case(kind="errand", catalogue_code=spot)) == "即办（当场办结）"
    assert not any(
        "不计算在办理时限" in p
        for p in receipt(desk, new_case(kind="errand", catalogue_code=spot)).section("须知").paragraphs
    )
    long = _promise(desk, new_case(kind="errand", catalogue_code="MZ-001"))
    assert long.startswith("25个工作日，2026年4月9日（星期四）")  # 清明节 Monday 4-06 is not counted
    due = to_iso(clock.now + timedelta(hours=6))
    assert (
        _promise(desk, new_case(urgency="urgent", urgent_deadline=due)) == "紧急事项，2026年3月4日（星期三）16:00前办结"
    )


def _promise(desk, case) -> str:
    return {f.label: f.value for f in receipt(desk, case).section("办件").fields}["承诺时限"]


def test_a_registered_but_not_accepted_matter_gets_a_registration_receipt(desk, new_case):
    doc = receipt(desk, new_case(accept=False))
    assert doc.title == "登记回执"
    assert _promise_of(doc) == "受理后48小时内办结"


def _promise_of(doc) -> str:
    return {f.label: f.value for f in doc.section("办件").fields}["承诺时限"]


def test_official_fees_are_told_apart_from_the_free_service(desk, new_case):
    code = desk.db.scalar("SELECT code FROM catalogue_items WHERE fee_note LIKE '%自费%' AND proxy_allowed = 1")
    notes = receipt(desk, new_case(kind="errand", catalogue_code=code)).section("须知").paragraphs
    assert notes[0].startswith("本站代理服务全程免费")
    assert "不是代理服务费" in notes[1]


def test_materials_received_are_listed(desk, new_case):
    doc = receipt(desk, new_case(kind="errand", catalogue_code="MZ-001", materials_received=["户口簿", "居民身份证"]))
    assert doc.section("已收材料").items == ("户口簿", "居民身份证")


def test_missing_notice_lists_everything_missing_at_once(desk, new_case):
    case = new_case(accept=False)
    with pytest.raises(RuleRefused):
        documents.build(desk, case.case_id, "missing")
    act(desk, case, "materials_missing", missing=["户口簿原件", "二寸照片2张", "残疾人证"])
    doc = documents.build(desk, case.case_id, "missing")
    assert doc.section("尚缺材料（一次性告知）").items == ("户口簿原件", "二寸照片2张", "残疾人证")
    assert "一次性告知" in doc.text() and "3项" in doc.text()
    assert "missing" in documents.available(_case(desk, case))


def test_decline_notice_gives_the_reason_and_what_to_do_instead(desk, new_case):
    case = new_case(accept=False)
    with pytest.raises(RuleRefused):
        documents.build(desk, case.case_id, "decline")
    act(desk, case, "declined", reason="婚姻登记须本人到场", remedy="请两人带身份证到海安市民政局婚姻登记处")
    doc = documents.build(desk, case.case_id, "decline")
    assert doc.section("不予受理的理由").paragraphs == ("婚姻登记须本人到场",)
    assert doc.section("您可以这样办").paragraphs == ("请两人带身份证到海安市民政局婚姻登记处",)
    assert "12345" in doc.text()


def test_completion_notice_gives_result_time_collection_and_the_five_ratings(desk, new_case, clock):
    case = new_case()
    with pytest.raises(RuleRefused):
        documents.build(desk, case.case_id, "completion")
    clock.advance(hours=20)
    act(desk, case, "completed", result="granted", note="补贴已批准，下月发放")
    doc = documents.build(desk, case.case_id, "completion")
    result = {f.label: f.value for f in doc.section("办理结果").fields}
    assert result["结果"] == "已办成" and result["说明"] == "补贴已批准，下月发放"
    assert result["办结时间"] == "2026年3月5日 06:00"
    assert "按时办结" in result["承诺时限"]
    rating = "\n".join(doc.section("请您评价").paragraphs)
    for level in ("非常满意", "满意", "基本满意", "不满意", "非常不满意"):
        assert f"□{level}" in rating
    assert "领取" in doc.text()
    act(desk, case, "replied", method="phone")
    act(desk, case, "rated", level=4)
    assert "您的评价：满意" in documents.build(desk, case.case_id, "completion").text()


def test_authorisation_form_only_for_claims(desk, new_case):
    with pytest.raises(RuleRefused):
        documents.build(desk, new_case().case_id, "authorisation")
    case = new_case(kind="claim", accept=False, description="被拖欠工资，请求帮助讨要")
    doc = documents.build(desk, case.case_id, "authorisation")
    assert doc.section("委托事项").paragraphs == ("被拖欠工资，请求帮助讨要",)
    assert "委托人签名（按手印）" in doc.signatures
    assert {f.label: f.value for f in doc.section("受托人").fields}["姓名"] == "仲维国"
    assert FULL_ID not in doc.text()


def test_available_papers_follow_the_case(desk, new_case):
    case = new_case()
    assert documents.available(_case(desk, case)) == ["receipt"]
    claim = new_case(kind="claim", accept=False)
    assert documents.available(_case(desk, claim)) == ["receipt", "authorisation"]


def test_unknown_document_is_refused_in_plain_words(desk, new_case):
    with pytest.raises(ValidationError) as caught:
        documents.build(desk, new_case().case_id, "invoice")
    assert "没有“invoice”这种文书" in caught.value.message


def _case(desk, case):
    from haian_desk.cases import queries

    return queries.get_case(desk, case.case_id)


# --- the board -------------------------------------------------------------


def test_board_publishes_cadres_principles_promise_catalogue_and_hotlines(desk, cadre_id, villager_id):
    hidden = cadres.add(
        desk,
        "admin",
        cadres.CadreInput(name="季红梅", phone="13906271037", unit_code=STATION_CODE, on_public_board=False),
    )
    doc = documents.build_board(desk)
    table = doc.section("代理员").table
    assert table.columns == ("姓名", "职务", "电话", "负责片区", "服务事项")
    assert [row[0] for row in table.rows] == ["仲维国"] and hidden
    assert table.rows[0][2] == "13906271000" and table.rows[0][3] == "一组、二组"
    text = doc.text()
    for word in ("自愿", "公开", "合法", "无偿", "受理后48小时内办结", "全程免费", "12345"):
        assert word in text
    catalogue = [cell for row in doc.section("代理事项").table.rows for cell in row if cell]
    assert "社会救助 7项" in catalogue and any(c.startswith("须本人到场") for c in catalogue)
    assert doc.public and "张三" not in text and FULL_PHONE not in text


# --- settings ----------------------------------------------------------------


def test_settings_start_from_set_up_and_only_admins_change_them(desk):
    settings = station_settings.load(desk)
    assert settings.county_hotline == "12345" and settings.township_hotline == ""
    assert not settings.receipt_full_id
    with pytest.raises(Exception) as caught:
        station_settings.save(desk, "clerk", township_hotline="0513-88888888")
    assert "管理员" in str(caught.value)
    with pytest.raises(ValidationError):
        station_settings.save(desk, "admin", receipt_full_id="yes")
    with pytest.raises(ValidationError):
        station_settings.save(desk, "admin", colour="red")
    with pytest.raises(ValidationError) as caught:
        station_settings.save(desk, "admin", receipt_paper="letter")
    assert "a4、a5、80mm、58mm" in caught.value.message
    saved = station_settings.save(desk, "admin", township_hotline=" 0513-8888 8888 ", address="双楼村村部")
    assert saved.township_hotline == "0513-8888 8888" and saved.address == "双楼村村部"
    assert station_settings.load(desk) == saved


def test_papers_warn_the_clerk_until_the_township_hotline_is_set(desk, new_case):
    case = new_case()
    doc = receipt(desk, case)
    assert any("镇（街道）监督投诉电话" in w for w in doc.warnings)
    assert "曲塘镇" not in {f.label for f in doc.section("监督投诉电话").fields}
    station_settings.save(
        desk, "admin", township_hotline="0513-88123456", phone="0513-88551234", address="曲塘镇双楼村村部"
    )
    doc = receipt(desk, case)
    assert doc.warnings == ()
    hotlines = {f.label: f.value for f in doc.section("监督投诉电话").fields}
    assert hotlines == {"海安市": "12345", "曲塘镇": "0513-88123456"}
    assert "0513-88551234" in doc.text()
