"""Reading real spreadsheet files: every format, the shapes villages' files have, and bad files."""

from __future__ import annotations

import pytest

from haian_desk.imports import ImportFileError, read_sheets
from haian_desk.imports.columns import find_layout, parse_overrides
from haian_desk.imports.plan import load
from haian_desk.imports.rows import data_rows
from tests.haian_desk import import_files as F


def names(path, kind="villagers", **kw):
    sheets, layouts, _ = load(path, kind, **kw)
    return [c.text("name") for s, lay in zip(sheets, layouts, strict=True) for c in data_rows(s, lay)]


EXPECTED = ["张三", "王  䶮", "阿依古丽・买买提", "𠮷田"]


@pytest.mark.parametrize("writer", ["xlsx", "xls"])
def test_title_row_header_and_totals_row_in_excel_files(tmp_path, writer):
    path = getattr(F, writer)(tmp_path / f"roster.{writer}", [("Sheet1", F.roster_rows())])
    assert names(path) == EXPECTED


def test_ods_file(tmp_path):
    path = F.ods(tmp_path / "roster.ods", [("名册", [["双楼村花名册"], *F.roster_rows()])])
    assert names(path) == EXPECTED


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_csv_in_every_encoding_is_detected(tmp_path, encoding):
    rows = F.roster_rows()
    if encoding == "gbk":  # GBK (code page 936) has neither 䶮 nor 𠮷: a real GBK file cannot hold them
        rows = [r for r in rows if _fits(r, "gbk")] + [[5, "买买提·艾力", "", "", "", "", "", "", ""]]
    path = F.csv_file(tmp_path / "roster.csv", rows, encoding=encoding)
    expected = EXPECTED if encoding != "gbk" else ["张三", "买买提·艾力"]
    assert names(path) == expected


def _fits(row, encoding):
    try:
        "".join(map(str, row)).encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def test_tab_separated_txt(tmp_path):
    path = F.csv_file(tmp_path / "roster.txt", F.roster_rows(), encoding="utf-8", delimiter="\t")
    assert names(path) == EXPECTED


def test_two_level_merged_header_blank_lines_group_headings_and_several_sheets(tmp_path):
    header_top = ["姓名", "身份证号", "联系方式", None, "备注"]
    header_sub = [None, None, "手机", "座机", None]
    one = [
        header_top,
        header_sub,
        ["张三", "11010519491231002X", "13812345678", "", ""],
        [],
        ["李四", "", "13812345679", "", ""],
        ["小计", "", "", "", ""],
    ]
    two = [header_top, header_sub, ["三组"], ["王五", "", "13812345670", "", ""]]
    path = F.xlsx(tmp_path / "groups.xlsx", [("一组", one), ("其他", two)], merges=["A2:A3", "B2:B3", "C2:D2", "E2:E3"])
    sheets, layouts, skipped = load(path, "villagers")
    assert [lay.fields[:4] for lay in layouts] == [["name", "id_number", "phone", ""]] * 2
    rows = [c for s, lay in zip(sheets, layouts, strict=True) for c in data_rows(s, lay)]
    assert [(c.text("name"), c.group, c.row_no) for c in rows] == [
        ("张三", "一组", 4),
        ("李四", "一组", 6),
        ("王五", "三组", 5),
    ]
    assert skipped == []


def test_household_number_merged_down_the_household_belongs_to_every_member(tmp_path):
    rows = [["姓名", "户号"], ["张三", "0007"], ["张小三", None], ["李四", "0008"]]
    path = F.xlsx(tmp_path / "h.xlsx", [("名册", rows)], title=None, merges=["B2:B3"])
    sheets, layouts, _ = load(path, "villagers")
    assert [c.text("household_no") for c in data_rows(sheets[0], layouts[0])] == ["0007", "0007", "0008"]


def test_a_sheet_without_a_header_is_skipped_and_named(tmp_path):
    path = F.xlsx(tmp_path / "m.xlsx", [("名册", F.roster_rows()), ("说明", [["本表由村委会填写"]])])
    _, layouts, skipped = load(path, "villagers")
    assert [lay.sheet for lay in layouts] == ["名册"] and skipped == ["说明"]


def test_choosing_one_sheet_and_a_sheet_that_is_not_there(tmp_path):
    path = F.xlsx(tmp_path / "m.xlsx", [("一组", F.roster_rows()), ("二组", F.roster_rows())])
    assert len(names(path)) == 8
    assert len(names(path, sheet="二组")) == 4
    with pytest.raises(ImportFileError, match="没有名为“三组”的工作表.*一组、二组"):
        load(path, "villagers", sheet="三组")


def test_mapping_can_be_corrected_by_the_user(tmp_path):
    rows = [["户主", "手机号码", "家"], ["张三", "13812345678", "3组"]]
    path = F.xlsx(tmp_path / "m.xlsx", [("名册", rows)], title=None)
    with pytest.raises(ImportFileError, match="找不到“姓名”列"):
        load(path, "villagers")
    sheets, layouts, _ = load(path, "villagers", overrides=parse_overrides("户主=name,家=address"))
    assert layouts[0].fields == ["name", "phone", "address"]
    with pytest.raises(ImportFileError, match="没有这些字段：nam"):
        load(path, "villagers", overrides=parse_overrides("户主=nam"))
    with pytest.raises(ImportFileError, match="看不懂"):
        parse_overrides("户主")


def test_a_column_can_be_left_out(tmp_path):
    path = F.xlsx(tmp_path / "m.xlsx", [("名册", F.roster_rows())])
    _, layouts, _ = load(path, "villagers", overrides=parse_overrides("联系电话="))
    assert "phone" not in layouts[0].fields


# --- files that are not what they should be: one clear message each -------------------------


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(ImportFileError, match="不是表格文件"):
        read_sheets(path)
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ImportFileError, match="不是表格文件"):
        read_sheets(binary)


def test_password_protected_office_file(tmp_path):
    # What Excel/WPS write for a file with an opening password: an OLE container whose
    # payload is the stream "EncryptedPackage" (made here by hand: no encrypting writer is at hand).
    path = tmp_path / "locked.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024
    )
    with pytest.raises(ImportFileError, match="设了打开密码.*去掉密码后另存"):
        read_sheets(path)


def test_empty_file_and_file_without_data(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError, match="是空文件"):
        read_sheets(empty)
    blank = F.xlsx(tmp_path / "blank.xlsx", [("Sheet1", [[None]])], title=None)
    with pytest.raises(ImportFileError, match="里没有数据"):
        read_sheets(blank)


def test_no_name_column(tmp_path):
    path = F.xls(tmp_path / "x.xls", [("Sheet1", [["编号", "金额"], [1, 20.5]])])
    with pytest.raises(ImportFileError, match="找不到“姓名”列"):
        load(path, "villagers")
    with pytest.raises(ImportFileError, match="找不到“姓名”和“登记日期”列"):
        load(path, "cases")


def test_missing_file(tmp_path):
    with pytest.raises(ImportFileError, match="找不到文件"):
        read_sheets(tmp_path / "nowhere.xlsx")


def test_header_layout_is_none_for_a_sheet_of_numbers():
    from haian_desk.imports.reading import Sheet

    assert find_layout("villagers", Sheet("s", [[1, 2], [3, 4]])) is None


def test_the_user_can_say_which_row_is_the_header(tmp_path):
    rows = [["说明：姓名请写全名"], ["名字", "手机"], ["张三", "13812345678"]]
    path = F.xlsx(tmp_path / "h.xlsx", [("名册", rows)], title=None)
    # row 1 says 姓名 but is a note; the real header (row 2) uses words the guesser does not know
    sheets, layouts, _ = load(path, "villagers", overrides=parse_overrides("名字=name,手机=phone"), header_row=2)
    assert [c.text("name") for c in data_rows(sheets[0], layouts[0])] == ["张三"]
    with pytest.raises(ImportFileError, match="第3行里找不到“姓名”列"):
        load(path, "villagers", header_row=3)
    with pytest.raises(ImportFileError, match="从1开始"):
        load(path, "villagers", header_row=0)
