"""The ``import`` and ``export`` subcommands of ``haian-desk``.

    haian-desk import cadres 代理员.xlsx --as 站长登录名
    haian-desk import villagers 花名册.xls --dry-run
    haian-desk import villagers 花名册.csv --map 手机号码=phone,户主= --as admin
    haian-desk import cases 台账.xlsx --sheet 2024年 --json --as admin
    haian-desk import list
    haian-desk import undo IMPORT_ID --as admin
    haian-desk export villagers --xlsx 名册.xlsx

An import or an undo is made as a login of this station given with ``--as``, and only a
station head (站长) or an admin (管理员) may do either (``import.run`` in
haian_desk.people.permissions, checked in the domain). ``--dry-run`` writes nothing and needs no
login; given one, it also says at once whether that login may import.

Progress goes to stderr; ``--json`` prints only JSON on stdout. Refused rows
are printed with their reasons on the user's own screen, never logged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core.messages import cli_tr, error_text

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def kinds_help() -> dict[str, str]:
    """What each kind of file is, in the reader's language."""
    return {
        "villagers": cli_tr("群众花名册"),
        "cases": cli_tr("代理登记台账（历史办件）"),
        "cadres": cli_tr("代理员名单"),
    }


def register(sub, common) -> None:
    # --data-dir goes on each leaf command (after it): on both levels argparse would let the
    # inner default overwrite a value given before the inner command.
    imp = sub.add_parser("import", help=cli_tr("从 Excel/WPS/CSV 文件导入群众、历史台账或代理员"))
    what = imp.add_subparsers(dest="import_command", required=True)
    for kind, label in kinds_help().items():
        p = what.add_parser(kind, parents=[common], help=cli_tr("导入{label}", label=label))
        p.add_argument("file", help=cli_tr("文件：.xlsx .xls .ods .csv .txt"))
        p.add_argument("--sheet", help=cli_tr("只导入这个工作表（默认：所有认得出表头的工作表）"))
        p.add_argument(
            "--map", default="", help=cli_tr("指定表头对应的字段，如 手机号码=phone,户主=（留空表示不导入该列）")
        )
        p.add_argument("--header-row", type=int, help=cli_tr("表头在第几行（默认自动找）"))
        p.add_argument("--dry-run", action="store_true", help=cli_tr("只检查，逐行说明会怎样处理，不写入"))
        p.add_argument("--json", action="store_true")
        _as(p, cli_tr("导入人的登录名，须为本站的站长或管理员（记入导入记录；--dry-run 时可不写）"))
        p.set_defaults(handler=run_import, kind=kind)
    listing = what.add_parser("list", parents=[common], help=cli_tr("列出以往的导入"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    back = what.add_parser("undo", parents=[common], help=cli_tr("撤销一次导入（导入后被改动过的记录不撤销）"))
    back.add_argument("import_id")
    back.add_argument("--json", action="store_true")
    _as(back, cli_tr("撤销人的登录名，须为本站的站长或管理员（记入导入记录）"))
    back.set_defaults(handler=run_undo)
    out = sub.add_parser("export", parents=[common], help=cli_tr("导出群众花名册或办件台账为 .xlsx（与导入的列相同）"))
    out.add_argument("kind", choices=["villagers", "cases"])
    out.add_argument("--xlsx", required=True, help=cli_tr("要写入的 .xlsx 文件（含个人信息，请妥善保管）"))
    out.set_defaults(handler=run_export)


def _as(parser, help_text: str) -> None:
    # Roles are enforced in the domain (haian_desk.people.permissions): an empty or unknown login is
    # refused there with a clear message, before the file is read or anything is written.
    parser.add_argument("--as", dest="actor", default="", metavar=cli_tr("登录名"), help=help_text)


_last_shown = {"percent": -1}


def _progress(done: int, total: int) -> None:
    """A line each time another per cent is done (checking is the first half, writing the second)."""
    percent = 100 * done // max(total, 1)
    if percent != _last_shown["percent"]:
        _last_shown["percent"] = percent
        print(f"  {done}/{total}", file=sys.stderr, flush=True)


def _overrides(args, _folder: Path | None = None) -> dict:
    from haian_desk.imports.columns import parse_overrides

    return parse_overrides(args.map)


@with_desk(first=_overrides)
def run_import(args, desk: Desk) -> int:
    from haian_desk.imports import make_plan, require_importer, run_import as carry_out
    from haian_desk.imports.plan import load

    overrides = _overrides(args)
    if args.dry_run:
        if args.actor:  # no login needed to look, but one given is told now, not at the real import
            require_importer(desk, args.actor)
        loaded = load(args.file, args.kind, args.sheet, overrides, args.header_row)
        with desk.db.read() as conn:
            plan = make_plan(conn, desk, args.file, args.kind, progress=_progress, loaded=loaded)
        import_id = None
    else:
        result = carry_out(
            desk,
            args.actor,
            args.file,
            args.kind,
            sheet=args.sheet,
            overrides=overrides,
            header_row=args.header_row,
            progress=_progress,
        )
        plan, import_id = result.plan, result.import_id
    _report(plan, import_id, args)
    return 0


def _report(plan, import_id, args) -> None:
    counts = plan.counts()
    if args.json:
        out = dict(
            counts,
            import_id=import_id,
            dry_run=args.dry_run,
            refused_rows=[r.as_json() for r in plan.refused()],
            skipped_sheets=plan.skipped_sheets,
        )
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if args.dry_run:
        head = cli_tr("检查结果（未写入）")
    else:
        head = cli_tr("已导入，编号 {import_id}", import_id=import_id) if import_id else cli_tr("没有需要写入的内容")
    print(
        cli_tr(
            "{head}：新增 {added}，更新 {updated}，已存在不变 {unchanged}，不导入 {refused}（共 {rows} 行）",
            head=head,
            **counts,
        )
    )
    for sheet in plan.skipped_sheets:
        print(cli_tr("工作表“{sheet}”里找不到表头，没有读取", sheet=sheet))
    for r in plan.refused():
        reason = error_text(r.error) if r.error is not None else r.reason
        print(cli_tr("  第{row_no}行（{sheet}）：{reason}", row_no=r.row_no, sheet=r.sheet, reason=reason))


@with_desk
def run_list(args, desk: Desk) -> int:
    from haian_desk.core.timeutil import show
    from haian_desk.imports.undo import history

    rows = history(desk)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(cli_tr("还没有导入过"))
    for r in rows:
        undone = cli_tr("，已于 {when} 撤销", when=show(r["undone_at"])) if r["undone_at"] else ""
        print(
            cli_tr(
                "{id}  {started}  {actor}  {kind}  {file_name}  sha256:{checksum}  "
                "新增{added} 更新{updated} 不变{unchanged} 不导入{refused}{undone}",
                id=r["id"],
                started=show(r["started_at"]),
                actor=r["actor"],
                kind=kinds_help()[r["kind"]],
                file_name=r["file_name"],
                checksum=r["checksum"][:12],
                added=r["added"],
                updated=r["updated"],
                unchanged=r["unchanged"],
                refused=r["refused"],
                undone=undone,
            )
        )
    return 0


@with_desk
def run_undo(args, desk: Desk) -> int:
    from haian_desk.imports.undo import undo

    result = undo(desk, args.actor, args.import_id)
    if args.json:
        print(
            json.dumps(
                {"import_id": result.import_id, "withdrawn": result.withdrawn, "kept": result.kept},
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    print(
        cli_tr(
            "已撤销导入 {import_id}：撤回 {withdrawn} 条记录", import_id=result.import_id, withdrawn=result.withdrawn
        )
    )
    for k in result.kept:
        print(cli_tr("  第{row}行（{sheet}）：{reason}", row=k["row"], sheet=k["sheet"], reason=k["reason"]))
    return 0


@with_desk
def run_export(args, desk: Desk) -> int:
    from haian_desk.imports.export import export

    count = export(desk, args.kind, Path(args.xlsx).expanduser())
    print(cli_tr("已导出 {count} 行到 {xlsx}（文件含个人信息，请妥善保管）", count=count, xlsx=args.xlsx))
    return 0
