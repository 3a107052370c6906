#!/usr/bin/env python3
"""Make the bundled "Haian Sans SC" fonts from Noto Sans CJK SC.

Haian Desk must show Simplified Chinese -- rare name characters such as
䶮 堃 喆 赟 犇 included -- on machines that have no CJK font at all, so it
ships its own font.  This script cuts that font out of Debian's
``fonts-noto-cjk`` package (SIL Open Font License 1.1):

    apt-get install -y fonts-noto-cjk
    python tools/make_font_subset.py \
        --source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        --out resources/fonts

What it does:

* takes face 2 of the collection (Noto Sans CJK SC);
* keeps every character of that face in the Basic Multilingual Plane
  (U+0000-U+FFFF: GB18030-level coverage including CJK Extension A).  If
  that would be larger than --max-regular-mb it falls back to GB18030's
  two-byte (GBK) part + CJK Extension A + ASCII/Latin-1 + punctuation;
* drops hinting, glyph names, the vertical-writing tables/features (the
  app only lays text out horizontally) and the `locl` and `liga` features,
  so it always draws the Simplified Chinese forms and text in PDFs made by
  Qt reads back correctly (see subset_options);
* leaves out 286 rare code points that share their glyph with a
  common character, mostly Kangxi/CJK radicals such as ⼯ for 工, so that
  text in PDFs made by Qt reads back right (see pdf_text_safe);
* renames the family to "Haian Sans SC" everywhere (name table and CFF),
  so it never clashes with an installed Noto Sans CJK;
* writes HaianSansSC-Regular.otf and, when NotoSansCJK-Bold.ttc lies
  beside the source (or --bold-source is given), HaianSansSC-Bold.otf.
  If both fonts together would exceed --max-total-mb, the Bold one is cut
  to GB2312 + rare name characters + ASCII + CJK punctuation instead.

The output is reproducible: the head table keeps the source's timestamps.
Needs fontTools (``pip install fonttools``).  Takes a few minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Haian Sans SC"
PS_FAMILY = "HaianSansSC"
SC_FACE_INDEX = 2  # Noto Sans CJK: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK

# Characters that turn up in personal names, many of them outside GB2312.
# Only used for the reduced Bold fallback set; the full set has them all.
RARE_NAME_CHARS = (
    "䶮堃喆赟犇"
    "昇玥珺琮瑄璟婧淏翀晗晔昊垚淼焱鑫彧芃祎祺瑜璇"
    "甯昶晞煜炜烜玮珏琪琦瑾璐瑛睿嫣妍姝婷媛嬿"
    "镕镛铖锴锟钰钲钺頔頫颢骞骐骅骥鹏鹍鹤"
    "喆嘉埕堉塬墉奭孛宬宸寀峣崟嵘弢彤徵忞恺悦"
    "斌旻昉昀昕昝晁晟暄暐曌朣杺梓棨楠槿橦"
    "沄沅泓洺浛涵淳渊湉滢漪澍濛烨焜熠燊燚"
    "犨猷琛琬瑀瑗璞璠璎璘瓒甡皓砚祐禛禤秾"
    "筠箐絜緃翊翎翚耀聿肜胤臻芮苾茜荃莘菁"
    "萱蓁蕙薇蘅衍袆覃訸詝誉贇赉赟跞轶邝郗"
    "釗铠锦闿阚隽雯霁霈霏靓韡頲颀飏馥馨骁"
    "鸿鹂麒黉龑龚"
)


def gb2312_chars() -> set[int]:
    """All characters of GB2312 (rows 0xA1-0xF7), mapped as GB18030 maps them.

    (Python's "gb2312" codec maps 0xA1A4 to U+30FB and 0xA1AA to U+2015;
    GB18030 -- and Chinese text in practice -- uses · U+00B7 and — U+2014.)
    """
    out: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                bytes((hi, lo)).decode("gb2312")  # is it in GB2312 at all?
                out.update(map(ord, bytes((hi, lo)).decode("gb18030")))
            except UnicodeDecodeError:
                pass
    return out


def gbk_chars() -> set[int]:
    """The two-byte part of GB18030 (GBK: ~21,900 characters + user areas)."""
    out: set[int] = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            if lo == 0x7F:
                continue
            with contextlib.suppress(UnicodeDecodeError):
                out.update(map(ord, bytes((hi, lo)).decode("gb18030")))
    return out


def base_chars() -> set[int]:
    """ASCII, Latin-1, general and CJK punctuation, full/half-width forms."""
    ranges = [
        (0x0020, 0x007E),  # ASCII
        (0x00A0, 0x00FF),  # Latin-1 (¥ · × ÷ ...)
        (0x2000, 0x206F),  # General punctuation (“ ” ‘ ’ — … ‰ ※)
        (0x2100, 0x218F),  # Letterlike symbols, number forms (℃ № Ⅰ)
        (0x2460, 0x24FF),  # Enclosed alphanumerics (① ⑴)
        (0x25A0, 0x25FF),  # Geometric shapes (■ □ ○ ●)
        (0x3000, 0x303F),  # CJK symbols and punctuation (、。〈〉《》【】)
        (0x3200, 0x32FF),  # Enclosed CJK letters (㈠ ㊣)
        (0xFE30, 0xFE4F),  # CJK compatibility forms
        (0xFF00, 0xFFEF),  # Full/half-width forms （，：；！？）
    ]
    out = {cp for lo, hi in ranges for cp in range(lo, hi + 1)}
    out.update(map(ord, RARE_NAME_CHARS))
    return out


def bmp_chars(font: TTFont) -> set[int]:
    return {cp for cp in font.getBestCmap() if cp <= 0xFFFF}


def pdf_text_safe(font: TTFont, chars: set[int]) -> set[int]:
    """Leave out the rarer code points that share a glyph with a common one.

    Qt's PDF writer names each glyph in the PDF's ToUnicode map by the
    LOWEST code point that maps to it.  Noto maps e.g. ⼯ (U+2F2F KANGXI
    RADICAL WORK) and 工 to one glyph, so a receipt's 工 would be searched,
    copied and read back (pypdf) as ⼯ -- likewise 一 人 口 大 日 自 胶 ...
    For each shared glyph the most common code point (GB2312, then CJK
    Unified Ideographs, then GBK) is kept together with any higher ones; the
    lower ones -- 275 Kangxi/CJK radicals, 4 Extension A doubles of
    曶 胶 幐 槩, and ‒ ‵ ∕ 〈 〉 〜 U+2003 -- are left out.
    """
    gb2312, gbk = gb2312_chars(), gbk_chars()

    def rank(cp: int) -> tuple[int, int]:
        if cp in gb2312:
            return 0, cp
        if 0x4E00 <= cp <= 0x9FFF:
            return 1, cp
        return (2 if cp in gbk else 3), cp

    by_glyph: dict[str, list[int]] = {}
    for cp, glyph in font.getBestCmap().items():
        if cp in chars:
            by_glyph.setdefault(glyph, []).append(cp)
    keep = set(chars)
    for cps in by_glyph.values():
        best = min(cps, key=rank)
        keep.difference_update(cp for cp in cps if cp < best)
    return keep


def gb18030_bmp_chars() -> set[int]:
    return gbk_chars() | set(range(0x3400, 0x4DC0)) | base_chars()


def reduced_chars() -> set[int]:
    return gb2312_chars() | base_chars()


def subset_options() -> subset.Options:
    opts = subset.Options()
    opts.hinting = False  # drop CFF hints: smaller, FreeType/DirectWrite autohint
    opts.glyph_names = False  # no glyph names (post format 3)
    opts.name_IDs = ["*"]  # keep copyright, licence, etc.; renamed below
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_timestamp = False  # reproducible output
    # Horizontal text only: no vertical alternates or vertical metrics.
    # No `locl` either: it swaps in the Japanese/Korean/Traditional glyph
    # forms (a third of the file) and, with no language set -- Qt sets none
    # -- Latin-context digits and "…" that are in no cmap entry, which Qt's
    # PDF writer then cannot map back to text (receipt numbers would not be
    # searchable or copyable in the PDF).  No `liga` (fi, fl, ffi) for the
    # same reason: "Certificate" would come out of the PDF as "Certiﬁcate".
    dropped = {"vert", "vrt2", "vkrn", "vpal", "valt", "vhal", "vchw"}
    dropped |= {"locl", "liga"}
    opts.layout_features = [f for f in opts.layout_features if f not in dropped]
    opts.drop_tables = opts.drop_tables + ["vhea", "vmtx", "VORG"]
    return opts


def rename(font: TTFont, style: str) -> None:
    """Give the font the family name "Haian Sans SC" in every place."""
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    ps_name = f"{PS_FAMILY}-{style}"
    name = font["name"]
    version = name.getDebugName(5) or ""
    new = {
        1: FAMILY,
        2: style,
        3: f"{ps_name};{version.split(';')[0].replace('Version ', '')}",
        4: full,
        5: f"{version}; Haian Desk subset of Noto Sans CJK SC",
        6: ps_name,
    }
    # Typographic family/subfamily (16/17) and the CJK-localised names would
    # otherwise still say "Noto Sans CJK SC"; drop them.
    name.names = [r for r in name.names if r.nameID not in (16, 17) and r.nameID not in new]
    for name_id, text in new.items():
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode, en-US

    cff = font["CFF "].cff
    old_ps = cff.fontNames[0]
    cff.fontNames[0] = ps_name
    top = cff.topDictIndex[0]
    for attr, value in (("FullName", full), ("FamilyName", FAMILY)):
        if hasattr(top, attr):
            setattr(top, attr, value)
    for fd in getattr(top, "FDArray", None) or []:
        fd_name = getattr(fd, "FontName", None)
        if fd_name and fd_name.startswith(old_ps):
            fd.FontName = ps_name + fd_name[len(old_ps) :]


def make_font(source: Path, style: str, chars: set[int]) -> tuple[bytes, int, int]:
    """Subset face SC_FACE_INDEX of `source` to `chars`; return (otf, glyphs, cps)."""
    font = TTFont(str(source), fontNumber=SC_FACE_INDEX, recalcTimestamp=False)
    family = font["name"].getDebugName(1)
    if family != "Noto Sans CJK SC":
        sys.exit(f"{source} face {SC_FACE_INDEX} is {family!r}, not Noto Sans CJK SC")
    cmap = font.getBestCmap()
    unicodes = sorted(pdf_text_safe(font, {cp for cp in chars if cp in cmap}))
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    rename(font, style)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue(), font["maxp"].numGlyphs, len(font.getBestCmap())


def mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--source",
        type=Path,
        default=Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        help="NotoSansCJK-Regular.ttc (from Debian's fonts-noto-cjk)",
    )
    p.add_argument(
        "--bold-source",
        type=Path,
        help="NotoSansCJK-Bold.ttc (default: beside --source, if it exists)",
    )
    p.add_argument("--out", type=Path, default=Path("resources/fonts"))
    p.add_argument("--max-regular-mb", type=float, default=14.0)
    p.add_argument("--max-total-mb", type=float, default=26.0)
    args = p.parse_args(argv)

    bold_source = args.bold_source or args.source.with_name("NotoSansCJK-Bold.ttc")
    args.out.mkdir(parents=True, exist_ok=True)
    with TTFont(str(args.source), fontNumber=SC_FACE_INDEX, lazy=True) as probe:
        full_set = bmp_chars(probe)

    made: list[tuple[str, int, int, int, str]] = []

    def build(source: Path, style: str, chars: set[int], label: str) -> bytes:
        t0 = time.monotonic()
        data, glyphs, cps = make_font(source, style, chars)
        print(
            f"  {style}: {label}: {mb(len(data))}, {glyphs} glyphs, {cps} code points ({time.monotonic() - t0:.0f} s)",
            flush=True,
        )
        made.append((style, len(data), glyphs, cps, label))
        return data

    print(f"Regular from {args.source} face {SC_FACE_INDEX}", flush=True)
    everything = "all BMP characters of the face"
    regular = build(args.source, "Regular", full_set, everything)
    if len(regular) > args.max_regular_mb * 1e6:
        made.pop()
        regular = build(args.source, "Regular", gb18030_bmp_chars(), "GBK + CJK Ext A + punctuation")
    outputs = {"HaianSansSC-Regular.otf": regular}

    if bold_source.exists():
        print(f"Bold from {bold_source} face {SC_FACE_INDEX}", flush=True)
        bold = build(bold_source, "Bold", full_set, everything)
        if len(regular) + len(bold) > args.max_total_mb * 1e6:
            made.pop()
            bold = build(
                bold_source,
                "Bold",
                reduced_chars(),
                "GB2312 + rare name chars + ASCII + punctuation",
            )
        outputs["HaianSansSC-Bold.otf"] = bold
    else:
        print(f"no {bold_source}: no Bold weight made", flush=True)

    for filename, data in outputs.items():
        (args.out / filename).write_bytes(data)
    print("\nWritten:")
    for (_style, size, glyphs, cps, label), filename in zip(made, outputs, strict=True):
        print(f"  {args.out / filename}: {size:,} bytes ({mb(size)}), {glyphs} glyphs, {cps} code points [{label}]")
    total = sum(len(d) for d in outputs.values())
    print(f"  total: {total:,} bytes ({mb(total)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
