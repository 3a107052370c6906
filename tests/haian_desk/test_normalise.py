"""One normaliser for everything typed: numbers in any width or script, and free text.

The property that matters: two ways of typing the same number give the same
stored value (so one person cannot be registered twice), and what cannot be
read is refused with the exact reason, never with a crash.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from haian_desk.cases import queries
from haian_desk.core.errors import ValidationError
from haian_desk.core.normalise import case_number_text, free_text, name_text, number_text, search_text
from haian_desk.people import villagers
from haian_desk.people.idnumber import check_character, parse_id_number
from haian_desk.people.phone import parse_phone

GOOD_ID = "11010519491231002X"
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
# Other scripts' digits a keyboard or a paste can bring in (each maps 0-9 in order).
DIGIT_SCRIPTS = [
    "０１２３４５６７８９",
    "٠١٢٣٤٥٦٧٨٩",
    "۰۱۲۳۴۵۶۷۸۹",
    "०१२३४५६७८९",
    "০১২৩৪৫৬৭৮৯",
    "⁰¹²³⁴⁵⁶⁷⁸⁹",
    "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗",
]
SEPARATORS = [" ", "-", "－", "—", "\u3000", "\u200b", "\t"]


def _in_script(text: str, script: str) -> str:
    return "".join(script[int(ch)] if ch.isdigit() else ch for ch in text)


@st.composite
def id_numbers(draw) -> str:
    area = draw(st.sampled_from(["320621", "320685", "110105", "440524"]))
    born = draw(
        st.dates(min_value=__import__("datetime").date(1900, 1, 1), max_value=__import__("datetime").date(2020, 12, 31))
    )
    first17 = f"{area}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return first17 + check_character(first17)


@st.composite
def typed_forms(draw, number: str) -> str:
    """The same number as a clerk might type it: digits of mixed scripts, separators, case."""
    out = []
    for ch in number:
        if ch.isdigit():
            ch = draw(st.sampled_from(DIGIT_SCRIPTS))[int(ch)]
        elif ch == "X":
            ch = draw(st.sampled_from(["X", "x", "Ｘ", "ｘ"]))
        out.append(ch)
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


@given(st.data(), id_numbers())
def test_any_typed_form_of_an_id_number_is_the_same_number(data, number):
    assert parse_id_number(data.draw(typed_forms(number))).value == number


@given(st.data(), st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_any_typed_form_of_a_mobile_is_the_same_number(data, mobile):
    prefix = data.draw(st.sampled_from(["", "+86", "+86 ", "86", "0086", "＋８６"]))
    assert parse_phone(prefix + data.draw(typed_forms(mobile))) == mobile


@given(st.text(max_size=40))
def test_number_text_never_crashes_and_is_idempotent(text):
    try:
        once = number_text(text)
    except ValidationError as error:
        assert "无法识别" in error.message
        return
    assert number_text(once) == once


@given(st.text(max_size=40))
def test_id_and_phone_parsers_refuse_with_a_reason_never_crash(text):
    for parse in (parse_id_number, parse_phone):
        try:
            parse(text)
        except ValidationError as error:
            assert error.message


@given(st.text(max_size=60))
def test_free_text_keeps_nothing_invisible_and_never_crashes(text):
    try:
        cleaned = free_text(text, "诉求内容", multiline=True)
    except ValidationError as error:
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in text) and error.field == ""
        return
    assert not any(unicodedata.category(c) in ("Cf", "Cs") for c in cleaned)
    assert all(c == "\n" or unicodedata.category(c) != "Cc" for c in cleaned)
    assert cleaned == cleaned.strip()
    assert free_text(cleaned, "诉求内容", multiline=True) == cleaned


@given(st.text(max_size=40))
def test_search_text_folds_width_and_case_and_never_crashes(text):
    folded = search_text(text)
    assert search_text(folded) == folded
    assert not any(c.isspace() for c in folded)


def test_full_width_id_typed_by_an_input_method_is_accepted():
    """Today's complaint: a correct ID in 全角 was refused as 校验位不对."""
    assert parse_id_number(GOOD_ID.translate(FULL_WIDTH)).value == GOOD_ID
    assert parse_id_number("110105 1949 1231 002x").value == GOOD_ID
    assert parse_id_number("１１０１０５４９１２３１００２").value == parse_id_number("110105491231002").value


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("11010519491231002Y", "前17位应为数字"),
        ("110105194912310021", "校验位不对"),
        ("110105194902300023", "不是有效日期"),
        ("11010519491231002", "应为18位"),
        ("11010519491231002X1", "应为18位"),
        ("110105194912310０2口", "“口”"),
        ("11010519491231\ud80000", "无法识别"),
        ("3.20621E+17", "科学计数法"),
    ],
)
def test_a_wrong_id_is_refused_with_the_exact_reason(raw, reason):
    with pytest.raises(ValidationError) as caught:
        parse_id_number(raw)
    assert reason in str(caught.value) and caught.value.field == "id_number"


@pytest.mark.parametrize(
    "raw, stored",
    [
        ("138 1234 5678", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("0513-88881234", "051388881234"),
        ("(0513) 88881234", "051388881234"),
        ("88881234", "051388881234"),
        ("８８８８１２３４", "051388881234"),
        ("1381234567８", "13812345678"),
        ("١٣٨١٢٣٤٥٦٧٨", "13812345678"),
    ],
)
def test_phones_in_every_typed_form(raw, stored):
    assert parse_phone(raw) == stored


def test_case_numbers_keep_their_hyphens_in_one_form():
    assert case_number_text(" １０２２１０－２６０３０４—００１ ") == "102210-260304-001"


@pytest.mark.parametrize(
    "raw, name",
    [
        ("王 小明 ", "王小明"),
        ("李䶮", "李䶮"),
        ("𠮷野", "𠮷野"),
        ("买买提•艾力", "买买提·艾力"),
        ("买买提・艾力", "买买提·艾力"),
        ("张\u202e三\u200b", "张三"),
        ("⼯程", "工程"),
        ("ＡＢ", "AB"),
        ("王\x00五", "王五"),
    ],
)
def test_names_keep_rare_characters_and_lose_what_no_one_can_see(raw, name):
    assert name_text(raw) == name


def test_a_lone_surrogate_is_refused_not_a_crash(desk):
    with pytest.raises(ValidationError) as caught:
        villagers.register(desk, "admin", villagers.VillagerInput(name="张\udc80三"))
    assert "无法识别" in caught.value.message and caught.value.field == "name"
    assert desk.db.scalar("SELECT count(*) FROM villagers") == 0


def test_the_same_person_typed_two_ways_is_refused_the_second_time(desk):
    villagers.register(desk, "admin", villagers.VillagerInput(name="张三", id_number=GOOD_ID))
    for typed in (GOOD_ID.translate(FULL_WIDTH), "११०१०५१९४९१२३१००२x", "11010519491231００2X"):
        with pytest.raises(ValidationError) as caught:
            villagers.register(desk, "admin", villagers.VillagerInput(name="张叁", id_number=typed))
        assert "已登记" in caught.value.message


def test_free_text_of_a_villager_and_a_matter_is_stored_clean(desk, cadre_id, new_case):
    vid = villagers.register(
        desk,
        "admin",
        villagers.VillagerInput(
            name="阿依古丽・买买提", phone="１３８ １２３４ ５６７８", address="  曲塘镇\u202e双楼村  3组 "
        ),
    )
    row = desk.db.one("SELECT name, phone, address FROM villagers WHERE id = ?", (vid,))
    assert tuple(row) == ("阿依古丽·买买提", "13812345678", "曲塘镇双楼村 3组")
    case = new_case(description="反映\u200b3组\x00路灯不亮\u202e")
    assert queries.get_case(desk, case.case_id).description == "反映3组路灯不亮"
    assert queries.find_by_number(desk, case.case_no.translate(FULL_WIDTH)).case_no == case.case_no


def test_no_event_stores_invisible_characters_or_half_characters(desk, new_case):
    from haian_desk.cases import operations

    case = new_case()
    operations.act(desk, "clerk", case.case_id, "note", text="已电话\u202e联系\x00\u200b")
    payload = desk.db.scalar("SELECT payload FROM events WHERE type = 'note'")
    assert "已电话联系" in payload and "\\u202e" not in payload.lower() and "\\u0000" not in payload
    before = desk.db.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValidationError) as caught:
        operations.act(desk, "clerk", case.case_id, "note", text="半个字\ud83d")
    assert caught.value.field == "text" and "无法识别" in caught.value.message
    assert desk.db.scalar("SELECT count(*) FROM events") == before


def test_typing_feedback_uses_the_same_normaliser():
    from haian_desk.people import typing_checks

    assert typing_checks.id_number_as_typed(GOOD_ID.translate(FULL_WIDTH)).state == typing_checks.OK
    assert typing_checks.id_number_as_typed("１１０１０５").state == typing_checks.TYPING
    assert typing_checks.phone_as_typed("＋８６ １３８１２３４５６７８").state == typing_checks.OK
    assert typing_checks.phone_as_typed("1\ud8003").state == typing_checks.WRONG
    assert typing_checks.new_villager_fields(GOOD_ID.translate(FULL_WIDTH))["id_number"] == GOOD_ID


def _search_text_walking_every_character(raw: str) -> str:
    """search_text as it was written before its fast paths (the reference they must agree with)."""

    def once(text: str) -> str:
        text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch in "\n\t")
        text = unicodedata.normalize("NFKC", text)
        text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)
        return "".join(text.casefold().split())

    text = "".join(ch for ch in raw if not 0xD800 <= ord(ch) <= 0xDFFF)
    for _ in range(4):
        done = once(text)
        if done == text:
            break
        text = done
    return text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("٣０\u200b\u202e\t\n 生Ⅻ")))
def test_search_text_fast_paths_agree_with_walking_every_character(text):
    assert search_text(text) == _search_text_walking_every_character(text)
