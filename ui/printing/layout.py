"""A document as the HTML subset QTextDocument understands, laid out for a paper.

Sheets (A4, A5, A3) put the case number beside the QR code and pair short
fields two to a row; rolls are one narrow column with the code centred.
Every size is in points or millimetres, so the same HTML prints the same on
a 300 dpi laser and a 203 dpi thermal head. No colour: thermal paper is black
and white, and so are most station printers.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from haian_desk.documents.model import Document, Field, Section, Table
from ui.fonts import FAMILY
from ui.printing.papers import Paper
from ui.printing.qrcode import placeholder_html

CUT_LINE = "✂ - - - - - - - - 沿此线剪开 - - - - - - - -"
BOARD_SCALE = 1.2  # a board is read from a step away
SHORT_FIELD = 16  # characters: a field this short shares its row on a sheet


@dataclass(frozen=True)
class Sizes:
    base: float
    small: float
    heading: float
    title: float
    strong: float
    number: float

    @classmethod
    def for_paper(cls, paper: Paper, number_pt: float, scale: float = 1.0) -> Sizes:
        b = paper.base_pt * scale
        return cls(
            base=b,
            small=b * 0.85,
            heading=b * 1.05,
            title=b * (1.5 if paper.is_roll else 1.75),
            strong=b * 1.15,
            number=number_pt,
        )


def document_html(doc: Document, paper: Paper, number_pt: float) -> str:
    sizes = Sizes.for_paper(paper, number_pt, BOARD_SCALE if doc.doc == "board" else 1.0)
    body = _part(doc, paper, sizes)
    if doc.stub is not None:
        body += _cut_line(sizes) + _part(doc.stub, paper, sizes, compact=True)
    style = f"font-family: '{FAMILY}'; font-size: {sizes.base:.1f}pt;"
    return f'<html><body style="{style}">{body}</body></html>'


def _part(doc: Document, paper: Paper, sizes: Sizes, compact: bool = False) -> str:
    html = _stub_header(doc, sizes) if compact else _header(doc, paper, sizes)
    for section in doc.sections:
        html += _section(section, paper, sizes)
    html += _signatures(doc.signatures, paper, sizes)
    for line in doc.footer:
        html += _p(escape(line), sizes.small, align="right")
    return html


def _p(inner: str, size: float, *, bold: bool = False, align: str = "left", top: float = 0, bottom: float = 1.5) -> str:
    weight = " font-weight: bold;" if bold else ""
    return (
        f'<p align="{align}" style="font-size: {size:.1f}pt;{weight} '
        f'margin-top: {top:.1f}pt; margin-bottom: {bottom:.1f}pt;">{inner}</p>'
    )


def _header(doc: Document, paper: Paper, sizes: Sizes) -> str:
    html = _p(escape(doc.issuer), sizes.small, align="center", bottom=0)
    html += _p(escape(doc.title), sizes.title, bold=True, align="center", bottom=2)
    if doc.reprint_mark:
        html += _p(f"【{escape(doc.reprint_mark)}】", sizes.strong, bold=True, align="center")
    if not doc.number:
        return html + "<hr/>"
    number = (
        f'<span style="font-size: {sizes.small:.1f}pt;">办件编号</span><br/>'
        f'<span style="font-size: {sizes.number:.1f}pt; font-weight: bold; '
        f'white-space: nowrap;">{escape(doc.number)}</span>'
    )
    image = placeholder_html(paper.qr_mm) if doc.qr else ""
    if paper.is_roll:
        html += _p(number, sizes.base, align="center")
        if image:
            html += _p(image, sizes.base, align="center")
        return html + _rule()
    return html + (
        f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="middle">{number}</td>'
        # top, not middle: ui.printing.qrcode finds the code by the line it sits on
        f'<td align="right" valign="top">{image}</td></tr></table><hr/>'
    )


def _stub_header(doc: Document, sizes: Sizes) -> str:
    """The station's stub needs no big number: one line, then the fields."""
    mark = f"【{escape(doc.reprint_mark)}】" if doc.reprint_mark else ""
    return _p(escape(doc.issuer), sizes.small, align="center", bottom=0) + _p(
        f"{escape(doc.title)}　办件编号 {escape(doc.number)}{mark}", sizes.strong, bold=True, align="center", bottom=3
    )


def _rule() -> str:
    return "<hr/>"


def _section(section: Section, paper: Paper, sizes: Sizes) -> str:
    html = ""
    if section.heading:
        html += _p(f"【{escape(section.heading)}】", sizes.heading, bold=True, top=5, bottom=1)
    if section.fields:
        html += _fields_roll(section.fields, sizes) if paper.is_roll else _fields_sheet(section.fields, sizes)
    for number, item in enumerate(section.items, 1):
        html += _p(f"{number}. {escape(item)}", sizes.base, bottom=0.5)
    for text in section.paragraphs:
        html += _p(escape(text), sizes.base)
    if section.table is not None:
        html += _table(section.table, sizes)
    return html


def _value(f: Field, sizes: Sizes) -> str:
    if f.strong:
        return f'<span style="font-size: {sizes.strong:.1f}pt; font-weight: bold;">{escape(f.value)}</span>'
    return escape(f.value)


def _fields_roll(fields: tuple[Field, ...], sizes: Sizes) -> str:
    return "".join(_p(f"{escape(f.label)}：{_value(f, sizes)}", sizes.base, bottom=0.5) for f in fields)


def _fields_sheet(fields: tuple[Field, ...], sizes: Sizes) -> str:
    """Two short fields to a row; a long one takes the whole row."""
    rows, pending = [], ""
    for f in fields:
        if len(f.value) <= SHORT_FIELD and len(f.label) <= 6:
            if pending:
                rows.append(pending + _cells(f, sizes))
                pending = ""
            else:
                pending = _cells(f, sizes)
            continue
        if pending:
            rows.append(pending + "<td></td><td></td>")
            pending = ""
        rows.append(
            f'<td width="15%" valign="top" style="white-space: nowrap;">{escape(f.label)}：</td>'
            f'<td colspan="3" valign="top">{_value(f, sizes)}</td>'
        )
    if pending:
        rows.append(pending + "<td></td><td></td>")
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f'<table width="100%" cellspacing="0" cellpadding="1">{body}</table>'


def _cells(f: Field, sizes: Sizes) -> str:
    return (
        f'<td width="15%" valign="top" style="white-space: nowrap;">{escape(f.label)}：</td>'
        f'<td width="35%" valign="top">{_value(f, sizes)}</td>'
    )


def _table(table: Table, sizes: Sizes) -> str:
    head = "".join(f'<th align="left">{escape(c)}</th>' for c in table.columns)
    head = f"<tr>{head}</tr>" if head else ""
    width = "" if head else f' width="{100 // max(1, len(table.rows[0]) if table.rows else 1)}%"'
    rows = "".join("<tr>" + "".join(f"<td{width}>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows)
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        f'style="border-style: solid; border-color: #000;">'
        f"{head}{rows}</table>"
    )


def _signatures(labels: tuple[str, ...], paper: Paper, sizes: Sizes) -> str:
    if not labels:
        return ""
    line = "＿" * (8 if paper.is_roll else 7)
    date = '<span style="white-space: pre;">　　　年　　月　　日</span>'
    if paper.is_roll:
        return "".join(
            _p(f"{escape(label)}：", sizes.base, top=8, bottom=0)
            + _p(f"{line}", sizes.base, align="right", top=6, bottom=0)
            + _p(date, sizes.base, align="right", top=2)
            for label in labels
        )
    cells = "".join(f'<td width="{100 // len(labels)}%">{escape(label)}：{line}<br/>{date}</td>' for label in labels)
    return f'<table width="100%" cellspacing="0" cellpadding="2" style="margin-top: 12pt;"><tr>{cells}</tr></table>'


def _cut_line(sizes: Sizes) -> str:
    return _p(escape(CUT_LINE), sizes.small, align="center", top=10, bottom=6)
