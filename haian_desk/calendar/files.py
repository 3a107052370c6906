"""A published schedule as a small file: CSV or JSON, read and checked before anything is saved.

CSV, one date (or a range) a line, an optional header::

    日期,类别,名称
    2027-01-01,放假,元旦
    2027-02-06~2027-02-14,放假,春节
    2027-02-20,上班,春节

JSON::

    {"year": 2027, "source": "国办发明电〔2026〕…号", "kind": "published",
     "days": [{"date": "2027-01-01", "type": "holiday", "name": "元旦"},
              {"from": "2027-10-01", "to": "2027-10-07", "type": "holiday", "name": "国庆节"}]}

``kind`` is ``published`` (a whole year's schedule) or ``adjusted`` (local
changes, e.g. 停止办公 for a typhoon). A JSON file may come signed by the hub
above this installation: ``{"calendar": {...}, "signed_by": ID,
"signature": BASE64}`` (Ed25519 over the calendar's canonical JSON); a
signature by anyone else is refused. Every refusal says what is wrong and
nothing is saved.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from haian_desk.calendar.model import CLOSED, FIRST_YEAR, HOLIDAY, KINDS, WORKDAY
from haian_desk.core.errors import ValidationError

PUBLISHED, ADJUSTED = "published", "adjusted"
TYPE_WORDS = {
    HOLIDAY: HOLIDAY,
    "法定节假日": HOLIDAY,
    "节假日": HOLIDAY,
    "放假": HOLIDAY,
    "休": HOLIDAY,
    "休息": HOLIDAY,
    WORKDAY: WORKDAY,
    "调休上班": WORKDAY,
    "上班": WORKDAY,
    "班": WORKDAY,
    "补班": WORKDAY,
    CLOSED: CLOSED,
    "停止办公": CLOSED,
    "停办": CLOSED,
    "闭馆": CLOSED,
}
_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_RANGE = re.compile(r"\s*(?:~|～|至|到|—|--)\s*")
_MAX_RANGE_DAYS = 60


@dataclass(frozen=True)
class Schedule:
    year: int
    kind: str  # published | adjusted
    source: str
    days: dict[str, list[str]]  # ISO date → [kind, name]
    signed_by: str | None = None


@dataclass(frozen=True)
class _Line:
    where: str  # 第3行, 第2项: for messages
    first: date
    last: date
    kind: str
    name: str


def parse_date(text: str, where: str = "") -> date:
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    for form in _DATE_FORMS:
        found = form.match(cleaned)
        if found:
            try:
                return date(*(int(g) for g in found.groups()))
            except ValueError:
                break
    raise ValidationError(
        "{where}日期“{text}”看不懂",
        "日期请写成 2027-01-01（也可写 2027/1/1 或 2027年1月1日）",
        params={"where": where, "text": text},
    )


def _kind(text: str, where: str) -> str:
    kind = TYPE_WORDS.get(str(text or "").strip().lower()) or TYPE_WORDS.get(str(text or "").strip())
    if kind is None:
        raise ValidationError(
            "{where}类别“{text}”看不懂",
            "类别请写：放假（法定节假日）、上班（调休上班）或停止办公",
            params={"where": where, "text": text},
        )
    return kind


def read(path: Path, *, today: date, source: str = "", kind: str | None = None, verify=None) -> Schedule:
    """The schedule in ``path``; ``verify(signed_by, data, signature)`` checks a signed file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            "读不到日历文件 {path}（{value}）",
            "请检查文件位置",
            params={"path": path, "value": error.strerror or error},
        ) from None
    text = _decode(raw)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return from_json(text, today=today, source=source or path.name, kind=kind, verify=verify)
    return from_csv(text, today=today, source=source or path.name, kind=kind or PUBLISHED)


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):  # files saved by WPS or Excel on a Chinese Windows are GBK
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("日历文件的文字编码看不懂", "请另存为 UTF-8 或 GBK 编码的 CSV")


def from_csv(text: str, *, today: date, source: str, kind: str) -> Schedule:
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ValidationError(
            "日历文件不是有效的 CSV（{error}）", "请用 Excel 或 WPS 另存为 CSV 后再导入", params={"error": error}
        ) from None
    lines = []
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#") or (number == 1 and cells[0] in ("日期", "date")):
            continue
        where = f"第{number}行："
        if len(cells) < 2:
            raise ValidationError(
                "{where}至少要有日期和类别两栏", "例如：2027-01-01,放假,元旦", params={"where": where}
            )
        lines.append(_line(where, cells[0], cells[1], cells[2] if len(cells) > 2 else ""))
    return _schedule(lines, today=today, source=source, kind=kind, signed_by=None)


def _line(where: str, dates: str, kind: str, name: str) -> _Line:
    parts = _RANGE.split(dates.strip(), maxsplit=1)
    first = parse_date(parts[0], where)
    last = parse_date(parts[1], where) if len(parts) > 1 else first
    if last < first or (last - first).days > _MAX_RANGE_DAYS:
        raise ValidationError(
            "{where}日期范围“{dates}”不对",
            "起止日期请按先后写，一段不超过两个月",
            params={"where": where, "dates": dates},
        )
    return _Line(where, first, last, _kind(kind, where), name.strip())


def from_json(text: str, *, today: date, source: str, kind: str | None, verify=None) -> Schedule:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ValidationError(
            "日历文件不是有效的 JSON（第{getattr}行）", params={"getattr": getattr(error, "lineno", "?")}
        ) from None
    signed_by = None
    if isinstance(data, dict) and "signature" in data:
        signed_by = _check_signature(data, verify)
        data = data.get("calendar")
    if not isinstance(data, dict) or not isinstance(data.get("days"), list):
        raise ValidationError("日历文件缺少 days 清单", "格式见 docs/calendar.md")
    lines = [_json_line(f"第{n}项：", entry) for n, entry in enumerate(data["days"], start=1)]
    schedule = _schedule(
        lines,
        today=today,
        source=str(data.get("source") or source),
        kind=kind or str(data.get("kind") or PUBLISHED),
        signed_by=signed_by,
    )
    if "year" in data and data["year"] != schedule.year:
        raise ValidationError(
            "文件写的年份（{year}）与其中的日期（{year2}年）不一致",
            params={"year": data["year"], "year2": schedule.year},
        )
    return schedule


def _json_line(where: str, entry) -> _Line:
    if not isinstance(entry, dict):
        raise ValidationError(
            "{where}格式不正确", "每项应写明 date（或 from、to）、type 和 name", params={"where": where}
        )
    dates = entry.get("date") or f"{entry.get('from', '')}~{entry.get('to', '')}"
    return _line(where, str(dates), str(entry.get("type") or ""), str(entry.get("name") or ""))


def _check_signature(data: dict, verify) -> str:
    signer, signature = data.get("signed_by"), data.get("signature")
    if not isinstance(signer, str) or not isinstance(signature, str) or verify is None:
        raise ValidationError("日历文件的签名不完整", "请向上级索取完整的文件")
    body = canonical(data.get("calendar"))
    try:
        raw = base64.b64decode(signature, validate=True)
    except ValueError:
        raise ValidationError("日历文件的签名看不懂", "文件可能已损坏，请向上级重新索取") from None
    verify(signer, body, raw)
    return signer


def canonical(calendar) -> bytes:
    """The bytes a signature covers: the calendar object as sorted, compact JSON."""
    return json.dumps(calendar, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _schedule(lines: list[_Line], *, today: date, source: str, kind: str, signed_by: str | None) -> Schedule:
    if kind not in (PUBLISHED, ADJUSTED):
        raise ValidationError(
            "日历类别“{kind}”不对", "应为 published（全年安排）或 adjusted（局部调整）", params={"kind": kind}
        )
    if not lines:
        raise ValidationError("日历文件里没有日期", "每行写一个日期（或一段日期）和类别")
    years = sorted({y for line in lines for y in (line.first.year, line.last.year)})
    if len(years) > 1:
        raise ValidationError(
            "一份日历只能写一年，这份文件里有{items}年",
            "请按年份分成几个文件",
            params={"items": "、".join(map(str, years))},
        )
    year = years[0]
    if not FIRST_YEAR <= year <= today.year + 2:
        raise ValidationError(
            "年份 {year} 超出范围",
            "只能导入{FIRST_YEAR}年到{value}年的日历",
            params={"year": year, "FIRST_YEAR": FIRST_YEAR, "value": today.year + 2},
        )
    return Schedule(year, kind, source.strip() or "文件导入", _days(lines), signed_by)


def _days(lines: list[_Line]) -> dict[str, list[str]]:
    """Every date once: a date in two lines is refused, whether they agree or not."""
    days: dict[str, tuple[_Line, list[str]]] = {}
    for line in lines:
        day = line.first
        while day <= line.last:
            key = day.isoformat()
            if key in days:
                earlier = days[key][0]
                word = "相互矛盾" if days[key][1][0] != line.kind else "重复"
                raise ValidationError(
                    "{where}{key} 与{rstrip}{word}",
                    "每个日期只能出现一次，请改正后重新导入",
                    params={"where": line.where, "key": key, "rstrip": earlier.where.rstrip("："), "word": word},
                )
            days[key] = (line, [line.kind, line.name])
            day += timedelta(days=1)
    return {k: v[1] for k, v in sorted(days.items())}


def describe(schedule: Schedule) -> str:
    counts = {k: sum(1 for v in schedule.days.values() if v[0] == k) for k in KINDS}
    parts = [f"{KINDS[k]}{n}天" for k, n in counts.items() if n]
    return f"{schedule.year}年：" + "，".join(parts)
