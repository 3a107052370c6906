"""Every kind of bad (and awkward but good) cell gets its own per-row verdict."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from haian_desk.core.errors import ValidationError
from haian_desk.imports import make_plan
from haian_desk.imports.cells import when
from haian_desk.imports.numbers import id_number
from haian_desk.people import villagers
from tests.haian_desk import import_files as F

HEADER = ["姓名", "身份证号", "联系电话", "性别", "住址"]


def verdicts(desk, tmp_path, rows, writer="xlsx", kind="villagers", header=HEADER):
    if writer == "csv":
        path = F.csv_file(tmp_path / "f.csv", [header, *rows])
    else:
        path = getattr(F, writer)(tmp_path / f"f.{writer}", [("名册", [header, *rows])])
    with desk.db.read() as conn:
        plan = make_plan(conn, desk, path, kind)
    return plan.rows


def one(desk, tmp_path, row, **kw):
    [verdict] = verdicts(desk, tmp_path, [row], **kw)
    return verdict


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("11010519491231002x", "11010519491231002X"),  # lower-case x
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"),  # full-width, as 全角 input types it
        ("110105 1949 1231 002X", "11010519491231002X"),  # spaces inside
        ("110105-19491231-002X", "11010519491231002X"),  # hyphens inside
        ("110105491231002", "11010519491231002X"),  # 15 digits → 18
    ],
)
def test_id_numbers_normalised_where_the_meaning_is_certain(desk, tmp_path, typed, stored):
    v = one(desk, tmp_path, ["张三", typed, "", "", ""])
    assert (v.verdict, v.fields["id_number"]) == ("add", stored)


@pytest.mark.parametrize(
    "typed, reason",
    [
        ("110105194912310021", "校验位不对"),
        ("110105194902300023", "19490230 不是有效日期"),
        ("11010519491231002", "应为18位（或旧的15位），现在是17位"),
        ("11010519491231002Y", "最后一位为数字或X"),
    ],
)
def test_id_numbers_refused_with_the_exact_reason(desk, tmp_path, typed, reason):
    v = one(desk, tmp_path, ["张三", typed, "", "", ""])
    assert v.verdict == "refused" and reason in v.reason


@pytest.mark.parametrize("writer", ["xlsx", "xls"])
def test_id_number_stored_as_a_number_is_refused_with_how_to_fix_it(desk, tmp_path, writer):
    v = one(desk, tmp_path, ["张三", 320621198001010012, "", "", ""], writer=writer)
    assert v.verdict == "refused"
    assert "“身份证号”列被存成了数字" in v.reason and "设为“文本”格式" in v.reason and "重新录入" in v.reason


def test_scientific_notation_as_text_in_a_csv(desk, tmp_path):
    v = one(desk, tmp_path, ["张三", "3.20621E+17", "", "", ""], writer="csv")
    assert v.verdict == "refused" and "存成了数字" in v.reason


def test_a_float_phone_cell_is_fine_it_keeps_every_digit(desk, tmp_path):
    v = one(desk, tmp_path, ["张三", "", 13812345678.0, "", ""])
    assert (v.verdict, v.fields["phone"]) == ("add", "13812345678")


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("+86 138 1234 5678", "13812345678"),
        ("86-13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("0513-88881234", "051388881234"),
        ("88881234", "051388881234"),
        ("１３８１２３４５６７８", "13812345678"),
    ],
)
def test_phones(desk, tmp_path, typed, stored):
    v = one(desk, tmp_path, ["张三", "", typed, "", ""])
    assert (v.verdict, v.fields["phone"]) == ("add", stored)


@pytest.mark.parametrize(
    "typed, reason",
    [("1381234567", "手机号应为11位"), ("138123456a8", "只能包含数字"), ("52345", "不是有效的电话号码")],
)
def test_bad_phones(desk, tmp_path, typed, reason):
    v = one(desk, tmp_path, ["张三", "", typed, "", ""])
    assert v.verdict == "refused" and reason in v.reason


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("李 䶮", "李䶮"),
        ("王堃", "王堃"),
        ("张喆", "张喆"),
        ("刘赟", "刘赟"),
        ("牛犇", "牛犇"),
        ("𠮷田", "𠮷田"),
        (" 张三 ", "张三"),
        ("张\u3000三", "张三"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("买买提•艾力", "买买提·艾力"),
        ("王〇一", "王〇一"),
    ],
)
def test_names_rare_characters_minority_dots_and_stray_spaces(desk, tmp_path, typed, stored):
    v = one(desk, tmp_path, [typed, "", "", "", ""])
    assert (v.verdict, v.fields["name"]) == ("add", stored)


@pytest.mark.parametrize(
    "typed, reason",
    [("张三(已故)", "不像是人名"), ("张3", "不像是人名"), ("·买买提", "位置不对"), ("王" * 21, "姓名太长")],
)
def test_bad_names(desk, tmp_path, typed, reason):
    v = one(desk, tmp_path, [typed, "", "", "", ""])
    assert v.verdict == "refused" and reason in v.reason


def test_gender_is_checked_against_the_id_number(desk, tmp_path):
    rows = verdicts(
        desk,
        tmp_path,
        [["张三", "11010519491231002X", "", "男", ""], ["李四", "", "", "女", ""], ["王五", "", "", "未知", ""]],
    )
    assert [r.verdict for r in rows] == ["refused", "add", "refused"]
    assert "身份证号表明是“女”" in rows[0].reason and rows[1].fields["gender"] == "女"


def test_duplicates_in_the_file_are_reported_never_doubled(desk, tmp_path):
    rows = verdicts(
        desk,
        tmp_path,
        [
            ["张三", "11010519491231002X", "", "", ""],
            ["张三丰", "11010519491231002x", "", "", ""],
            ["李四", "", "13812345678", "", ""],
            ["李四", "", "138 1234 5678", "", ""],
        ],
    )
    assert [r.verdict for r in rows] == ["add", "refused", "add", "refused"]
    assert "与本文件第3行是同一人（身份证号相同）" in rows[1].reason  # row 1 is the title
    assert "第5行" in rows[3].reason


def test_against_the_registry_same_id_is_already_here_or_an_update(desk, tmp_path, villager_id):
    rows = verdicts(
        desk,
        tmp_path,
        [
            ["张三", "11010519491231002X", "13812345678", "", "曲塘镇双楼村3组"],
            ["张三", "11010519491231002X", "13900000000", "", ""],
        ],
    )
    assert rows[0].verdict == "unchanged" and rows[0].target_id == villager_id
    # the second row is the same person again: a duplicate within the file
    assert rows[1].verdict == "refused"
    [row] = verdicts(desk, tmp_path, [["张三", "11010519491231002X", "13900000000", "", ""]])
    assert (row.verdict, row.changes) == ("update", {"phone": "13900000000"})


def test_blank_cells_never_empty_a_stored_field(desk, tmp_path, villager_id):
    [row] = verdicts(desk, tmp_path, [["张三", "11010519491231002X", "", "", ""]])
    assert row.verdict == "unchanged"


def test_dates_in_the_shapes_ledgers_use():
    assert str(when("2024年5月6日", "登记日期", "registered")) == "2024-05-06"
    assert str(when("2024/5/6", "登记日期", "registered")) == "2024-05-06"
    assert str(when("2024.05.06 14:30", "登记日期", "registered")) == "2024-05-06 14:30:00"
    assert str(when("20240506", "登记日期", "registered")) == "2024-05-06"
    assert str(when(45418.0, "登记日期", "registered")) == "2024-05-06"
    with pytest.raises(ValidationError, match="“2023-02-30”不存在"):
        when("2023-02-30", "登记日期", "registered")
    with pytest.raises(ValidationError, match="不是日期"):
        when("上周三", "登记日期", "registered")


_DIGITS = "0123456789"
_FULL = {c: chr(ord(c) + 0xFEE0) for c in _DIGITS + "X"}


@settings(max_examples=200, deadline=None)
@given(
    body=st.text(_DIGITS, min_size=17, max_size=17),
    style=st.lists(st.sampled_from(["", " ", "-", "full"]), min_size=18, max_size=18),
)
def test_any_spacing_or_width_of_an_id_number_is_judged_as_the_plain_number(body, style):
    from haian_desk.people.idnumber import check_character

    plain = body + check_character(body)
    typed = "".join(_FULL[c] if s == "full" else c + s for c, s in zip(plain, style, strict=True))
    try:
        expected = villagers.clean(villagers.VillagerInput(name="张三", id_number=plain))["id_number"]
    except ValidationError as error:
        with pytest.raises(ValidationError) as raised:
            id_number(typed, "身份证号")
        assert raised.value.message == error.message
    else:
        assert id_number(typed, "身份证号") == expected


def test_preview_lines_mask_numbers_and_keep_a_refused_row_recognisable(desk, tmp_path):
    from haian_desk.imports import preview

    good, bad = verdicts(
        desk,
        tmp_path,
        [["张三", "11010519491231002X", "13812345678", "", ""], ["李四", "110105194912310021", "", "", ""]],
    )
    assert preview.line("villagers", good)[3:6] == ["张三", "110105********002X", "138****5678"]
    line = preview.line("villagers", bad)
    assert line[2:4] == ["不导入", "李四"] and "校验位不对" in line[-1]
    assert len(line) == len(preview.headers("villagers"))


def test_preview_speaks_the_readers_language_and_keeps_the_data(desk, tmp_path):
    """In English the headers, the verdicts, the domain's words and a refused row's reason are
    English (the interface sets the domain's language); the names stay as written."""
    import re

    from haian_desk.core import messages
    from haian_desk.imports import preview

    good, bad = verdicts(
        desk,
        tmp_path,
        [["张三", "11010519491231002X", "13812345678", "", ""], ["李四", "110105194912310021", "", "", ""]],
    )
    messages.set_language("en")
    try:
        headers, added, refused = (
            preview.headers("villagers"),
            preview.line("villagers", good),
            preview.line("villagers", bad),
        )
    finally:
        messages.set_language("zh_CN")
    assert headers[:3] == ["Row", "Sheet", "Action"] and headers[-1] == "Reason or changes"
    assert added[2] == "to be added" and refused[2:4] == ["not imported", "李四"]
    cjk = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
    assert [h for h in headers if cjk.search(h)] == []
    assert refused[-1] and not cjk.search(refused[-1].replace("身份证号", ""))  # the column's own name is data


def test_cadre_preview_line(desk, tmp_path):
    from haian_desk.imports import preview

    [row] = verdicts(
        desk, tmp_path, [["仲维国", "13906271000", "站长"]], kind="cadres", header=["姓名", "电话", "角色"]
    )
    assert preview.line("cadres", row)[3:7] == ["仲维国", "139****1000", "站长", ""]
