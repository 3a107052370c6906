"""Pinyin spellings of Chinese names, stored so a clerk can type ``zhangsan`` or ``zs``."""

from __future__ import annotations

from itertools import product

_MAX_READINGS = 4  # polyphonic names: keep a few readings, not every combination


def _readings(text: str, style) -> list[list[str]]:
    from pypinyin import pinyin  # its dictionaries take ~0.2 s to load: not at start-up

    return [list(dict.fromkeys(r))[:_MAX_READINGS]
            for r in pinyin(text, style=style, heteronym=True, errors="default")]


def spellings(text: str) -> tuple[str, str]:
    """Full pinyin and initials, each a space-separated list of alternatives.

    The first alternative is the common reading; polyphonic characters (单, 曾,
    仇 …) add the others so either spelling finds the person.
    """
    from pypinyin import Style

    full = _combine(_readings(text, Style.NORMAL))
    initials = _combine(_readings(text, Style.FIRST_LETTER))
    return full, initials


def _combine(readings: list[list[str]]) -> str:
    seen: list[str] = []
    for parts in product(*readings):
        word = "".join(parts).lower()
        if word not in seen:
            seen.append(word)
        if len(seen) >= _MAX_READINGS:
            break
    return " ".join(seen)
