"""Pinyin spellings of Chinese names, stored so a clerk can type ``zhangsan`` or ``zs``."""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from haian_desk.core.masking import surname_of

_MAX_READINGS = 4  # polyphonic names: keep a few readings, not every combination

# Characters read differently as a surname than in ordinary words (单 shan, not
# dan). The surname reading comes first; the dictionary's readings follow, since
# clerks type what they hear and some families say it the common way.
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "缪": "miao",
    "乐": "yue",
    "翟": "zhai",
    "覃": "qin",
    "召": "shao",
    "种": "chong",
    "员": "yun",
    "繁": "po",
    "秘": "bi",
    "谌": "shen",
    "冼": "xian",
    "洗": "xian",
    "蕃": "pi",
    "万俟": "mo qi",
    "尉迟": "yu chi",
    "长孙": "zhang sun",
    "澹台": "tan tai",
    "单于": "chan yu",
    "朝": "chao",
    "句": "gou",
    "能": "nai",
    "阚": "kan",
    "逄": "pang",
    "隗": "wei",
    "燕": "yan",
    "纪": "ji",
    "宓": "mi",
    "佴": "nai",
}


def _readings(text: str, style) -> list[list[str]]:
    from pypinyin import pinyin  # its dictionaries take ~0.2 s to load: not at start-up

    return [list(dict.fromkeys(r))[:_MAX_READINGS] for r in pinyin(text, style=style, heteronym=True, errors="default")]


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


# A hub folding a batch spells each new villager twice (screening, then the fold) and names
# repeat across a county; the spelling depends on the name alone, so it is remembered.
@lru_cache(maxsize=8192)
def name_spellings(name: str) -> tuple[str, str]:
    """A person's name: full pinyin and initials, surname readings first.

    Full readings are those of the whole name (surname reading + given name)
    followed by those of the given name alone, so ``xiaoming`` finds 王小明 and
    ``shan`` finds 单雄. Initials are of the whole name only (``wxm``). The dot
    of a minority name is not spelled (``maimaitiaili``).
    """
    from pypinyin import Style

    if name.isascii() or len(name) < 2:
        return spellings(name)
    surname = name[:2] if name[:2] in SURNAME_READINGS else surname_of(name)
    given = name[len(surname) :]
    full_given = _alternatives(given, Style.NORMAL)
    whole = _joined(_surname(surname, Style.NORMAL), full_given)
    initials = _joined(_surname(surname, Style.FIRST_LETTER), _alternatives(given, Style.FIRST_LETTER))
    return " ".join(dict.fromkeys(whole + _joined([""], full_given))), " ".join(initials)


def _alternatives(text: str, style) -> list[str]:
    return _combine(_readings(text, style)).split() if text else [""]


def _surname(surname: str, style) -> list[str]:
    from pypinyin import Style

    known = SURNAME_READINGS.get(surname, "").split()
    first = "".join(known if style == Style.NORMAL else (w[0] for w in known))
    return list(dict.fromkeys(([first] if first else []) + _alternatives(surname, style)))[:_MAX_READINGS]


def _joined(heads: list[str], tails: list[str]) -> list[str]:
    """Every surname reading with the common given-name reading, then the common surname with the rest."""
    words = [h + tails[0] for h in heads] + [heads[0] + t for t in tails[1:]]
    cleaned = ("".join(ch for ch in w.lower() if ch.isalnum()) for w in words)
    return list(dict.fromkeys(w for w in cleaned if w))[: _MAX_READINGS + 2]
