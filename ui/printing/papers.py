"""The papers a station prints on: sheets (A4, A5, A3) and thermal rolls.

A roll has no fixed height: the page is as long as the content. Widths are the
roll's; margins leave the printable band of common thermal printers (72 mm on
an 80 mm roll, 48 mm on a 58 mm roll).
"""

from __future__ import annotations

from dataclasses import dataclass

from haian_desk.core.errors import HaianError
from haian_desk.station_settings import RECEIPT_PAPERS


@dataclass(frozen=True)
class Paper:
    code: str
    label: str
    width_mm: float
    height_mm: float | None  # None: a roll, cut where the content ends
    side_mm: float  # left and right margin
    end_mm: float  # top and bottom margin
    base_pt: float  # body text size
    qr_mm: float  # QR code edge

    @property
    def is_roll(self) -> bool:
        return self.height_mm is None

    @property
    def printable_width_mm(self) -> float:
        return self.width_mm - 2 * self.side_mm


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", "A4", 210, 297, 16, 10, 10.5, 25),
    "a5": Paper("a5", "A5", 148, 210, 10, 9, 9, 24),
    "a3": Paper("a3", "A3", 297, 420, 22, 18, 15, 40),
    "80mm": Paper("80mm", "80毫米热敏纸", 80, None, 4, 3, 9, 32),
    "58mm": Paper("58mm", "58毫米热敏纸", 58, None, 5, 3, 7.5, 28),
}
CASE_PAPERS = RECEIPT_PAPERS
BOARD_PAPERS = ("a4", "a3")


def paper(code: str, allowed: tuple[str, ...] = CASE_PAPERS) -> Paper:
    """The paper named by ``code``; a clear error listing the choices otherwise."""
    key = (code or "").strip().lower()
    if key not in allowed:
        raise HaianError(f"没有“{code}”这种纸张", "可选：" + "、".join(allowed))
    return PAPERS[key]
