"""``named(QLineEdit(), "topic")``: a widget with its object name, in one expression.

PySide6 also takes ``QLineEdit(objectName="topic")``, but its type stubs do not declare
Qt properties as constructor keywords, so mypy cannot check such a call; this can be.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

Obj = TypeVar("Obj", bound=QObject)


def named(thing: Obj, name: str) -> Obj:
    thing.setObjectName(name)
    return thing
