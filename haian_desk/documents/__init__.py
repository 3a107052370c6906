"""Printed papers as data: receipts, notices, the authorisation form and the board.

``build(desk, case_id, doc)`` reads a case and returns a ``Document``;
``build_board(desk)`` the station's public board. ``ui.printing`` renders them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from haian_desk.cases import queries
from haian_desk.cases.records import Case
from haian_desk.core.errors import ValidationError
from haian_desk.documents import authorisation, board, completion, decline, facts, missing, prints, receipt
from haian_desk.documents.model import Document, Field, Section, Table

if TYPE_CHECKING:
    from haian_desk.desk import Desk

__all__ = [
    "CASE_DOCUMENTS",
    "Document",
    "Field",
    "Section",
    "Table",
    "available",
    "build",
    "build_board",
    "by_case_number",
    "prints",
]


@dataclass(frozen=True)
class Kind:
    title: str
    available: Callable[[Case], bool]


CASE_DOCUMENTS: dict[str, Kind] = {
    "receipt": Kind(receipt.TITLE, lambda case: True),
    "missing": Kind(missing.TITLE, missing.available),
    "decline": Kind(decline.TITLE, decline.available),
    "completion": Kind(completion.TITLE, completion.available),
    "authorisation": Kind(authorisation.TITLE, authorisation.available),
}


def available(case: Case) -> list[str]:
    """The papers this case can print now (a print menu shows these)."""
    return [doc for doc, kind in CASE_DOCUMENTS.items() if kind.available(case)]


def build(desk: Desk, case_id: str, doc: str, *, copy: int | None = None, stub: bool = False) -> Document:
    """The paper ``doc`` for a case; ``copy`` defaults to the next copy (2+ = 补打)."""
    if doc not in CASE_DOCUMENTS:
        raise ValidationError(
            "没有“{doc}”这种文书", "可选：{items}", field="doc", params={"doc": doc, "items": "、".join(CASE_DOCUMENTS)}
        )
    case_facts = facts.load(desk, case_id)
    copy = copy or prints.next_copy(desk, case_id, doc)
    if doc == "receipt":
        return receipt.build(case_facts, copy, stub=stub)
    return _BUILDERS[doc](case_facts, copy)


_BUILDERS = {
    "missing": missing.build,
    "decline": decline.build,
    "completion": completion.build,
    "authorisation": authorisation.build,
}


def build_board(desk: Desk) -> Document:
    return board.build(desk)


def by_case_number(desk: Desk, case_no: str) -> str:
    """The case id for a number a person typed (NotFound says which number)."""
    return queries.find_by_number(desk, case_no).id
