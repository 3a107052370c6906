"""The ``backup`` and ``restore`` subcommands of ``haian-desk``.

    haian-desk backup --out E:\\            a dated copy on the stick
    haian-desk backup --out 备份.hdbackup    a copy with a chosen name
    haian-desk restore E:\\海安代理工作台备份-….hdbackup

Backups are encrypted (see docs/keys-and-recovery.md): this station opens them
with its own key; on a new PC, HAIAN_DESK_PASSPHRASE gives the station passphrase.
    haian-desk restore --latest             the newest good backup in the data folder
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from haian_desk.cli.dispatch import with_desk
from haian_desk.core import paths
from haian_desk.core.errors import HaianError, SetupError
from haian_desk.core.messages import cli_tr

if TYPE_CHECKING:
    from haian_desk.desk import Desk


def register(sub, common) -> None:
    save = sub.add_parser("backup", parents=[common], help=cli_tr("备份数据库到指定文件或文件夹（如U盘）"))
    save.add_argument("--out", help=cli_tr("备份文件或文件夹；不写则存到数据目录的 backups 文件夹"))
    save.set_defaults(handler=run_backup)
    back = sub.add_parser(
        "restore", parents=[common], help=cli_tr("从备份恢复（先检查备份；现在的数据库移到数据目录的 replaced 文件夹）")
    )
    back.add_argument("file", nargs="?", help=cli_tr("要恢复的备份文件"))
    back.add_argument("--latest", action="store_true", help=cli_tr("用数据目录里最新的完好备份"))
    back.add_argument("--other-station", action="store_true", help=cli_tr("允许换成另一个站的数据"))
    back.set_defaults(handler=run_restore)


def _backup_possible(args, folder: Path) -> None:
    from haian_desk.storage import recovery

    paths.require_folder(folder)
    db_path = paths.database_path(folder)
    if not db_path.exists():
        raise SetupError("{folder} 里还没有建站，没有可备份的数据", params={"folder": folder})
    health = recovery.examine(folder)
    if not health.ok:
        raise HaianError(
            "{problem}，不能备份",
            "请用 haian-desk restore --latest 恢复最新的完好备份",
            params={"problem": health.problem},
        )


@with_desk(first=_backup_possible)
def run_backup(args, desk: Desk) -> int:
    made = _back_up(desk.db, desk.folder, args.out)
    print(cli_tr("已备份到 {made}", made=made))
    return 0


def _back_up(db, folder: Path, out: str | None) -> Path:
    from haian_desk.core.timeutil import now_utc
    from haian_desk.storage import backup

    if not out:
        return backup.manual_backup(db, folder)
    target = Path(out).expanduser()
    if out.endswith(("/", "\\")) or target.is_dir():  # "E:\\" or "备份/" means a folder
        unit_code = db.scalar("SELECT value FROM meta WHERE key = 'unit_code'") or "station"
        target = target / backup.suggested_name(unit_code, now_utc())
    if target.exists():
        raise HaianError("{target} 已经存在，没有覆盖", "请换一个文件名，或备份到一个文件夹", params={"target": target})
    try:
        return backup.backup_to(db, target)
    except OSError as error:
        if error.errno == 28:
            raise HaianError(
                "{parent} 空间不够，备份没有做成",
                "请换一个有空间的U盘，或删掉不用的文件后再备份",
                params={"parent": target.parent},
            ) from None
        raise HaianError(
            "无法写入 {target}（{value}）",
            "请检查U盘是否插好、是否写保护、空间是否够",
            params={"target": target, "value": error.strerror or error},
        ) from None


def run_restore(args, folder: Path) -> int:
    from haian_desk.storage import recovery

    if bool(args.file) == bool(args.latest):
        raise HaianError("请给出要恢复的备份文件，或者用 --latest", "例如：haian-desk restore E:\\备份.hdbackup")
    paths.require_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if args.latest:
        done = recovery.restore_newest(folder)
    else:
        done = recovery.restore(folder, Path(args.file).expanduser(), allow_other_station=args.other_station)
    print(cli_tr("已恢复：{what}", what=restored_words(done.info)))
    if done.set_aside:
        print(cli_tr("原来的数据库没有删除，保存在 {set_aside}", set_aside=done.set_aside))
    return 0


def restored_words(info) -> str:
    """Whose data a backup holds, in the reader's language (``BackupInfo.describe`` is Chinese)."""
    from haian_desk.core.timeutil import show

    last = show(info.last_record_at) if info.last_record_at else cli_tr("无")
    return cli_tr(
        "{unit}（{code}）的数据：{cases} 件办件，最后一笔记录 {last}",
        unit=info.unit_name,
        code=info.unit_code,
        cases=info.cases,
        last=last,
    )
