"""A printed document as plain data: what it says, not how it looks.

The domain builds these; ``ui.printing`` lays them out for a paper size. A
document is a title, a case number with its QR payload, sections of labelled
fields, lists, paragraphs or a table, and signature lines. ``public`` marks
paper that others can see (masked); ``copy`` above 1 makes it a 补打 reprint.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    strong: bool = False  # what a villager must not miss (the promised time)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    heading: str = ""
    fields: tuple[Field, ...] = ()
    items: tuple[str, ...] = ()  # printed as a numbered list
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None

    def texts(self) -> list[str]:
        out = [self.heading] + [f"{f.label} {f.value}" for f in self.fields]
        out += list(self.items) + list(self.paragraphs)
        if self.table:
            out += list(self.table.columns) + [" ".join(row) for row in self.table.rows]
        return [t for t in out if t]


@dataclass(frozen=True)
class Document:
    doc: str  # which document: receipt, missing, decline, … board
    title: str
    issuer: str  # the station that issues it
    number: str = ""  # the case number, printed large
    qr: str = ""  # what the QR code encodes ("" = no code)
    sections: tuple[Section, ...] = ()
    signatures: tuple[str, ...] = ()
    copy: int = 1
    public: bool = False
    footer: tuple[str, ...] = ()
    stub: Document | None = None  # the station's 存根, printed below a cut line
    warnings: tuple[str, ...] = field(default=(), compare=False)  # for the clerk, never printed

    @property
    def reprint_mark(self) -> str:
        return f"补打（第{self.copy - 1}次）" if self.copy > 1 else ""

    def texts(self) -> list[str]:
        """Every piece of text on the paper, stub included (tests and checks read this)."""
        out = [self.issuer, self.title, self.number, self.reprint_mark]
        for section in self.sections:
            out += section.texts()
        out += list(self.signatures) + list(self.footer)
        if self.stub:
            out += self.stub.texts()
        return [t for t in out if t]

    def text(self) -> str:
        return "\n".join(self.texts())

    def section(self, heading: str) -> Section:
        for section in self.sections:
            if section.heading == heading:
                return section
        raise KeyError(heading)
