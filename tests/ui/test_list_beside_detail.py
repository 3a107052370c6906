"""The shared list-beside-details layout: with or without a line under the list, scrolled or not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTextBrowser

from ui.widgets.fields import DetailScroll
from ui.widgets.tables import list_beside_detail, list_table


def test_a_list_with_a_line_under_it_and_details_that_scroll(qtbot):
    table, under, detail = list_table("t", ["名称"]), QLabel("共 0 项"), QLabel("详情")
    splitter = list_beside_detail(table, under, detail, (3, 2))
    qtbot.addWidget(splitter)
    left, right = splitter.widget(0), splitter.widget(1)
    assert table.parent() is left and under.parent() is left
    assert isinstance(right, DetailScroll) and right.widget() is detail


def test_a_detail_that_scrolls_itself_is_placed_as_it_is(qtbot):
    table, detail = list_table("t", ["名称"]), QTextBrowser()
    splitter = list_beside_detail(table, None, detail, (3, 2), scroll=False)
    qtbot.addWidget(splitter)
    assert splitter.widget(0) is table and splitter.widget(1) is detail
    assert (table.sizePolicy().horizontalStretch(), detail.sizePolicy().horizontalStretch()) == (3, 2)
