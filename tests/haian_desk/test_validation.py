"""ID numbers, phones, masking and pinyin keys."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from haian_desk.core.errors import ValidationError
from haian_desk.core.masking import mask_id_number, mask_name, mask_phone
from haian_desk.people.idnumber import check_character, parse_id_number
from haian_desk.people.phone import parse_phone
from haian_desk.people.pinyin_keys import spellings


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014", "11010519491231002x"])
def test_valid_numbers_from_the_standard_pass(number):
    assert parse_id_number(number).value == number.upper()


def test_fifteen_digit_number_is_upgraded_to_eighteen():
    upgraded = parse_id_number("110105491231002")
    assert upgraded.value == "11010519491231002X"
    assert upgraded.birth_date.isoformat() == "1949-12-31"


def test_any_address_prefix_is_accepted():
    for prefix in ("320621", "320685", "650102"):
        first17 = prefix + "19560307123"
        assert parse_id_number(first17 + check_character(first17)).value.startswith(prefix)


@pytest.mark.parametrize(
    "raw, says",
    [
        ("11010519491231002", "18位"),
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期"),
        ("1101051949123100AX", "前17位"),
        ("", "18位"),
    ],
)
def test_bad_numbers_say_what_is_wrong(raw, says):
    with pytest.raises(ValidationError) as caught:
        parse_id_number(raw)
    assert says in caught.value.message
    assert caught.value.field == "id_number"


@given(
    st.text("0123456789", min_size=6, max_size=6),
    st.dates(),
    st.integers(0, 999),
    st.integers(0, 16),
    st.integers(1, 9),
)
def test_a_single_wrong_digit_is_always_caught(area, born, seq, position, delta):
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    if born.year < 1880 or born.year > 2025:
        return
    good = first17 + check_character(first17)
    assert parse_id_number(good).value == good
    wrong_digit = str((int(good[position]) + delta) % 10)
    typo = good[:position] + wrong_digit + good[position + 1 :]
    with pytest.raises(ValidationError):
        parse_id_number(typo)


@pytest.mark.parametrize(
    "raw, normal",
    [
        ("138 1234 5678", "13812345678"),
        ("+8613812345678", "13812345678"),
        ("0513-88123456", "051388123456"),
        ("88123456", "051388123456"),
    ],
)
def test_phones_are_normalised(raw, normal):
    assert parse_phone(raw) == normal


@pytest.mark.parametrize("raw", ["1381234567", "abc", "12", "23812345678"])
def test_bad_phones_are_refused(raw):
    with pytest.raises(ValidationError):
        parse_phone(raw)


def test_masks_hide_what_others_must_not_see():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_id_number("11010519491231002X", strict=True) == "1***************2X"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧阳**"
    assert mask_name("王") == "王*"


@pytest.mark.parametrize(
    "name, full, initials", [("张三", "zhangsan", "zs"), ("李䶮", "liyan", "ly"), ("赵赟", "zhaoyun", "zy")]
)
def test_pinyin_keys(name, full, initials):
    got_full, got_initials = spellings(name)
    assert got_full.split()[0] == full
    assert got_initials.split()[0] == initials


def test_polyphonic_surnames_keep_both_readings():
    full, _ = spellings("单雄")
    assert "shanxiong" in full.split() and "danxiong" in full.split()
