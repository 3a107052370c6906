"""Feedback while typing: unfinished numbers are not errors, wrong ones say why."""

from hypothesis import given, strategies as st

from haian_desk.people.typing_checks import EMPTY, OK, TYPING, WRONG, id_number_as_typed, phone_as_typed


def test_an_id_number_being_typed_is_counted_not_refused():
    assert id_number_as_typed("").state == EMPTY
    feedback = id_number_as_typed("3206211949")
    assert (feedback.state, feedback.message) == (TYPING, "已输入10位，共18位")


def test_a_complete_id_number_is_checked_and_its_birth_date_shown():
    feedback = id_number_as_typed("11010519491231002X")
    assert feedback.state == OK and "1949-12-31" in feedback.message and "女" in feedback.message
    assert id_number_as_typed("11010519491231002x").state == OK


def test_a_wrong_check_digit_says_a_digit_was_mistyped():
    feedback = id_number_as_typed("110105194912310021")
    assert feedback.state == WRONG and "校验位" in feedback.message


def test_letters_in_an_id_number_are_wrong_at_once():
    feedback = id_number_as_typed("32062A")
    assert feedback.state == WRONG and "数字" in feedback.message
    assert id_number_as_typed("1101051949123100222").state == WRONG  # 19 characters


@given(st.text(alphabet="0123456789X ", max_size=25))
def test_every_input_gets_one_of_the_four_answers(text):
    for check in (id_number_as_typed, phone_as_typed):
        feedback = check(text)
        assert feedback.state in (EMPTY, TYPING, OK, WRONG)
        assert (feedback.state in (EMPTY, OK)) or feedback.message


def test_a_mobile_number_being_typed_counts_up_to_eleven():
    assert phone_as_typed("138123").state == TYPING
    assert phone_as_typed("13812345678") == phone_as_typed("138 1234 5678")
    assert phone_as_typed("13812345678").state == OK


def test_a_too_long_mobile_number_is_wrong():
    feedback = phone_as_typed("138123456789")
    assert feedback.state == WRONG and "11位" in feedback.message


def test_a_local_number_gets_the_area_code():
    feedback = phone_as_typed("88123456")
    assert feedback.state == OK and "051388123456" in feedback.message


def test_letters_in_a_phone_are_wrong():
    feedback = phone_as_typed("138abc")
    assert feedback.state == WRONG and "数字" in feedback.message


def test_unmatched_lookup_text_goes_into_the_right_new_villager_field():
    from haian_desk.people.typing_checks import new_villager_fields

    assert new_villager_fields("王 秀英")["name"] == "王秀英"
    assert new_villager_fields("11010519491231002x")["id_number"] == "11010519491231002X"
    assert new_villager_fields("13812345678")["phone"] == "13812345678"
    assert new_villager_fields("wxy") == {"name": "", "id_number": "", "phone": ""}
