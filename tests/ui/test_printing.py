"""Case papers and the board rendered for real: PDFs read back, QR codes decoded, fonts checked.

Every document on every paper is written as a PDF and read back with pypdf;
the QR code is rendered to an image and decoded with zxing-cpp; the fonts in
the PDF must be the bundled one, embedded, with the rare name characters as text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtGui import QFont, QFontMetricsF, QImage

from haian_desk import documents, station_settings
from haian_desk.cases import operations
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import UTC
from haian_desk.desk import initialise
from haian_desk.documents import prints, qr
from haian_desk.people import cadres, villagers
from ui.fonts import FAMILY
from ui.printing import papers, render

STATION = "320685102210"
RARE = "䶮堃喆赟犇"
VILLAGER_ID = "11010519491231002X"
VILLAGER_PHONE = "13812345678"
MM_TO_PT = 72 / 25.4


class Station:
    """One installation with a case in every state a paper needs, names full of rare characters."""

    def __init__(self, folder: Path):
        self.now = datetime(2026, 3, 4, 2, 0, tzinfo=UTC)
        self.desk = initialise(
            folder, STATION, "曲塘镇双楼村代理站", "station", admin=("admin", "secret-pw"), wall=lambda: self.now
        )
        station_settings.save(
            self.desk, "admin", phone="0513-88551234", address="曲塘镇双楼村村部", township_hotline="0513-88901234"
        )
        self.first = cadres.add(
            self.desk,
            "admin",
            cadres.CadreInput(name="钱赟", phone="13906271000", unit_code=STATION, title="村代理站站长", area="一组"),
        )
        self.second = cadres.add(
            self.desk, "admin", cadres.CadreInput(name="孙犇", phone="13906271037", unit_code=STATION, area="二组")
        )
        cadres.add(
            self.desk, "admin", cadres.CadreInput(name="周喆", phone="13906271111", unit_code=STATION, area="三组")
        )
        self.villager = villagers.register(
            self.desk,
            "admin",
            villagers.VillagerInput(
                name="欧阳䶮堃", id_number=VILLAGER_ID, phone=VILLAGER_PHONE, address="曲塘镇双楼村3组8号"
            ),
        )
        self.cases = {
            "receipt": self.intake(
                kind="errand",
                catalogue_code="MZ-001",
                materials_received=["户口簿", "居民身份证"],
                responsible_cadre_id=self.second,
            ),
            "missing": self.intake(accept=False),
            "decline": self.intake(accept=False),
            "completion": self.intake(),
            "authorisation": self.intake(kind="claim", accept=False, description="被拖欠工资，请求帮助讨要"),
        }
        self.act("missing", "materials_missing", missing=["户口簿原件", "二寸照片2张"])
        self.act("decline", "declined", reason="婚姻登记须本人到场", remedy="请到海安市民政局婚姻登记处")
        self.act("completion", "completed", result="granted", note="补贴已批准")

    def intake(self, description="反映3组路灯不亮", **fields) -> operations.Registered:
        return operations.take_in(
            self.desk,
            "admin",
            operations.Intake(
                kind=fields.pop("kind", "opinion"),
                villager_id=self.villager,
                description=description,
                first_cadre_id=self.first,
                **fields,
            ),
        )

    def act(self, doc, event, **payload):
        operations.act(self.desk, "admin", self.cases[doc].case_id, event, **payload)

    def build(self, doc: str, **kw):
        return documents.build(self.desk, self.cases[doc].case_id, doc, **kw)


@pytest.fixture(scope="module")
def station(tmp_path_factory, qapp):
    made = Station(tmp_path_factory.mktemp("printing") / "station")
    yield made
    made.desk.close()


def pdf_text(path: Path) -> str:
    """All the PDF's text with the whitespace pypdf puts between lines and cells removed."""
    return re.sub(r"\s", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def pieces(doc) -> list[str]:
    """Every separately laid-out piece of text on the paper (labels and values apart)."""
    out = [doc.title, doc.number, doc.issuer, doc.reprint_mark, *doc.signatures, *doc.footer]
    for section in doc.sections:
        out += [section.heading, *section.items, *section.paragraphs]
        out += [p for f in section.fields for p in (f.label, f.value)]
        if section.table:
            out += [*section.table.columns, *[cell for row in section.table.rows for cell in row]]
    if doc.stub:
        out += pieces(doc.stub)
    return [re.sub(r"\s", "", p) for p in out if p and p.strip()]


@pytest.mark.parametrize("paper_code", papers.CASE_PAPERS)
@pytest.mark.parametrize("doc", list(documents.CASE_DOCUMENTS))
def test_every_paper_prints_every_field_on_every_paper(station, tmp_path, doc, paper_code):
    document = station.build(doc, stub=doc == "receipt")
    paper = papers.PAPERS[paper_code]
    path = tmp_path / f"{doc}-{paper_code}.pdf"
    render.write_pdf(document, paper, path)
    text = pdf_text(path)
    missing = [p for p in pieces(document) if p not in text]
    assert missing == []
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(paper.width_mm * MM_TO_PT, abs=1.5)
    if paper.is_roll:
        assert len(reader.pages) == 1  # a roll is one strip, cut where the content ends
        assert 60 * MM_TO_PT < float(box.height) < 1500 * MM_TO_PT
    else:
        assert float(box.height) == pytest.approx(paper.height_mm * MM_TO_PT, abs=1.5)


def test_a4_receipt_with_its_stub_fits_one_sheet(station, tmp_path):
    path = tmp_path / "receipt.pdf"
    assert render.write_pdf(station.build("receipt", stub=True), papers.PAPERS["a4"], path) == 1
    assert len(PdfReader(path).pages) == 1


def test_a_roll_is_as_long_as_its_content(station, tmp_path):
    heights = {}
    for stub in (False, True):
        path = tmp_path / f"roll-{stub}.pdf"
        render.write_pdf(station.build("receipt", stub=stub), papers.PAPERS["80mm"], path)
        heights[stub] = float(PdfReader(path).pages[0].mediabox.height)
    assert heights[True] > heights[False] * 1.2


@pytest.mark.parametrize("paper_code", papers.CASE_PAPERS)
def test_qr_code_decodes_to_the_case_number_and_station(station, paper_code):
    document = station.build("receipt", stub=True)
    image = render.render_images(document, papers.PAPERS[paper_code], dpi=200)[0]
    found = zxingcpp.read_barcodes(image)
    assert [code.text for code in found] == [qr.payload(document.number, STATION)]
    assert qr.parse(found[0].text) == (station.cases["receipt"].case_no, STATION)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")
@pytest.mark.parametrize("paper_code", ["a5", "58mm"])
def test_qr_code_in_the_pdf_itself_decodes(station, tmp_path, paper_code):
    pdf = tmp_path / "receipt.pdf"
    render.write_pdf(station.build("completion"), papers.PAPERS[paper_code], pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True
    )
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert [c.text for c in zxingcpp.read_barcodes(image)] == [qr.payload(station.cases["completion"].case_no, STATION)]


def test_fonts_in_the_pdf_are_the_bundled_font_embedded(station, tmp_path):
    path = tmp_path / "board.pdf"
    render.write_pdf(documents.build_board(station.desk), papers.PAPERS["a4"], path)
    fonts = []
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.append((str(font["/BaseFont"]), embedded))
    assert fonts and all("HaianSansSC" in name and embedded for name, embedded in fonts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts) not installed")
def test_pdffonts_sees_only_the_bundled_font_embedded(station, tmp_path):
    path = tmp_path / "receipt.pdf"
    render.write_pdf(station.build("receipt", stub=True), papers.PAPERS["58mm"], path)
    rows = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, *_, emb, _sub, _uni, _obj, _gen = row.split()
        assert "HaianSansSC" in name and emb == "yes"


def test_rare_name_characters_print_as_text_in_the_bundled_font(station, tmp_path):
    path = tmp_path / "receipt.pdf"
    station_settings.save(station.desk, "admin", receipt_full_id=False)
    render.write_pdf(station.build("receipt"), papers.PAPERS["a4"], path)
    board = tmp_path / "board.pdf"
    render.write_pdf(documents.build_board(station.desk), papers.PAPERS["a3"], board)
    text = pdf_text(path) + pdf_text(board)
    for char in RARE:
        assert char in text
    metrics = QFontMetricsF(QFont(FAMILY))
    assert all(metrics.inFontUcs4(ord(char)) for char in RARE)  # glyphs of their own, not boxes


def test_stub_and_receipt_hide_what_they_must(station, tmp_path):
    path = tmp_path / "receipt.pdf"
    render.write_pdf(station.build("receipt", stub=True), papers.PAPERS["80mm"], path)
    text = pdf_text(path)
    assert VILLAGER_ID not in text and VILLAGER_PHONE not in text
    assert "110105********002X" in text and "138****5678" in text
    stub = text.split("沿此线剪开")[1]
    assert "欧阳**" in stub and "欧阳䶮堃" not in stub and "002X" not in stub


def test_station_can_choose_the_full_id_on_the_villagers_own_receipt_only(station, tmp_path):
    station_settings.save(station.desk, "admin", receipt_full_id=True)
    try:
        path = tmp_path / "receipt.pdf"
        render.write_pdf(station.build("receipt", stub=True), papers.PAPERS["a4"], path)
        own, stub = pdf_text(path).split("沿此线剪开")
        assert VILLAGER_ID in own and VILLAGER_ID not in stub
    finally:
        station_settings.save(station.desk, "admin", receipt_full_id=False)


def test_board_shows_cadres_but_nothing_about_villagers(station, tmp_path):
    path = tmp_path / "board.pdf"
    render.write_pdf(documents.build_board(station.desk), papers.PAPERS["a3"], path)
    text = pdf_text(path)
    assert all(name in text for name in ("钱赟", "孙犇", "周喆", "13906271000"))
    assert "欧阳" not in text and VILLAGER_PHONE not in text and "5678" not in text
    assert len(PdfReader(path).pages) == 1


def test_a_reprint_says_so_on_the_paper(station, tmp_path):
    case = station.cases["decline"]
    first = station.build("decline")
    prints.record(station.desk, "admin", case.case_id, "decline", first.copy, "a5", "printer")
    path = tmp_path / "again.pdf"
    render.write_pdf(station.build("decline"), papers.PAPERS["a5"], path)
    assert "补打（第1次）" in pdf_text(path)


def test_a_failed_save_leaves_no_half_written_file(station, tmp_path):
    target = tmp_path / "missing-folder" / "x.pdf"
    with pytest.raises(HaianError):
        render.write_pdf(station.build("receipt"), papers.PAPERS["a4"], target)
    assert not target.exists() and not list(tmp_path.rglob("*.part"))


def test_unknown_paper_is_a_plain_error():
    with pytest.raises(HaianError) as caught:
        papers.paper("letter")
    assert str(caught.value) == "没有“letter”这种纸张（可选：a4、a5、80mm、58mm）"
    with pytest.raises(HaianError):
        papers.paper("a5", papers.BOARD_PAPERS)


def test_the_example_papers_in_the_docs_can_be_made_again(tmp_path):
    from ui.printing import examples

    written = examples.write_examples(tmp_path)
    names = {p.name for p in written}
    assert {f"{name}.pdf" for name, *_ in examples.EXAMPLES} <= names and "board-a4.png" in names
    assert all(p.stat().st_size > 1000 for p in written)
