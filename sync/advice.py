"""What a failed sync means for the person at the counter, and what to do about it.

The engine's errors carry a stable ``kind`` and a message of their own; a
clerk needs fewer, plainer groups: the network is down (check the cable),
the township's sync service is not running, this station is not enrolled,
it was revoked, no address is known, the connection is not trustworthy, the
two sides run different versions. Each group says what to do. ``ready``
tells before an attempt whether one can even start.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.core.errors import N_, HaianError, Message
from haian_desk.replication import sync_state
from sync import keys as keymod
from sync.errors import SyncError

if TYPE_CHECKING:
    from haian_desk.desk import Desk

NETWORK, HUB_DOWN, NOT_ENROLLED, REVOKED, NO_ADDRESS, SECURITY, VERSION, REFUSED_BATCH, OTHER = (
    "network",
    "hub_down",
    "not_enrolled",
    "revoked",
    "no_address",
    "security",
    "version",
    "refused_batch",
    "other",
)

# Group title and what to do, for each group a kind falls into.
GROUPS: dict[str, tuple[str, str]] = {
    NETWORK: (
        N_("网络不通，连不上镇中心"),
        N_("请检查网线是否插好、无线网络是否连上；网络恢复后会自动重新同步，已办的事都保存在本机"),
    ),
    HUB_DOWN: (
        N_("镇中心的同步服务没有运行"),
        N_("请打电话请镇中心打开同步服务（镇中心电脑上的“站点”页面，或运行 haian-desk hub serve）"),
    ),
    NOT_ENROLLED: (
        N_("本站还没有在镇中心登记（或登记已失效）"),
        N_("请在“同步”页面的“登记”一栏生成登记申请文件，拷给镇中心办理，再导入镇中心的答复"),
    ),
    REVOKED: (N_("本站的登记已被镇中心注销"), N_("本机的记录都还在；请联系镇中心问明原因，需要时重新办理登记")),
    NO_ADDRESS: (
        N_("还不知道镇中心的网址"),
        N_("请在“同步”页面填写镇中心的网址（如 http://192.168.1.10:8765），或改用U盘同步"),
    ),
    SECURITY: (
        N_("与镇中心的连接不可信"),
        N_("网络中可能有设备在改动数据，或证书不对；请联系镇中心核对，必要时改用U盘同步"),
    ),
    VERSION: (N_("双方软件版本不一致"), N_("请把本站和镇中心的海安代理工作台都升级到最新版")),
    REFUSED_BATCH: (N_("镇中心拒收了这一批数据"), N_("请按下面的说明处理，或联系镇中心")),
    OTHER: (N_("同步出错"), N_("请稍后再试；如反复出现，请把这段说明告诉镇中心")),
}

_KIND_GROUP = {
    "unreachable": NETWORK,
    "dns": NETWORK,
    "timeout": NETWORK,
    "broken": NETWORK,
    "refused": HUB_DOWN,
    "server_error": HUB_DOWN,
    "unauthorized": NOT_ENROLLED,
    "not_enrolled": NOT_ENROLLED,
    "bad_signature": NOT_ENROLLED,
    "wrong_hub": NOT_ENROLLED,
    "no_keys": NOT_ENROLLED,
    "bad_keys": NOT_ENROLLED,
    "revoked": REVOKED,
    "no_address": NO_ADDRESS,
    "tls": SECURITY,
    "bad_reply": SECURITY,
    "protocol": VERSION,
    "newer_format": VERSION,
    "damaged": REFUSED_BATCH,
    "identity_mismatch": REFUSED_BATCH,
    "too_large": REFUSED_BATCH,
    "too_many_refused": REFUSED_BATCH,
    "range_too_wide": REFUSED_BATCH,
    "batch_refused": REFUSED_BATCH,
}


@dataclass(frozen=True)
class Problem:
    """A failure as the sync screen shows it."""

    kind: str  # the engine's kind (stable, for tests and logs)
    group: str
    title: str
    message: str  # the engine's own words about this failure
    todo: str  # what to do, for the group
    retryable: bool
    # message and todo as template + parameters, for a screen in another language
    said: Message | None = field(default=None, compare=False)
    todo_said: Message | None = field(default=None, compare=False)

    def text(self) -> str:
        return f"{self.title}：{self.message}\n怎么办：{self.todo}"


def problem(error: BaseException) -> Problem:
    """Sort any error from an exchange into a Problem."""
    if isinstance(error, SyncError):
        kind, retryable = error.kind, error.retryable
    elif isinstance(error, HaianError):
        kind, retryable = "setup", False
    else:
        kind, retryable = "unexpected", True
    if not isinstance(error, HaianError):
        return from_kind(kind, Message("意外错误：{error}", {"error": str(error)}), retryable)
    found = from_kind(kind, Message(error.template, error.params), retryable)
    if found.group in (OTHER, REFUSED_BATCH, VERSION) and error.hint:
        # The engine knows best what to do about what only it can name.
        found = dataclasses.replace(found, todo=error.hint, todo_said=Message(error.hint_template, error.params))
    return found


def from_kind(kind: str, message: str | Message, retryable: bool = False) -> Problem:
    group = _KIND_GROUP.get(kind, OTHER)
    title, todo = GROUPS[group]
    said = message if isinstance(message, Message) else Message(message)  # a stored text: its own key
    return Problem(kind, group, title, str(message), todo, retryable, said, Message(todo))


def ready(desk: Desk) -> Problem | None:
    """Why an exchange over the network cannot start now, or None if it can."""
    hub = sync_state.parent(desk.db)
    if hub is None:
        return from_kind("not_enrolled", "本机还没有登记到上级同步中心")
    try:
        keymod.load(desk.folder)
    except SyncError as error:
        return problem(error)
    if not hub.url:
        return from_kind(
            "no_address", Message("已登记到“{unit_name}”，但还不知道它的网址", {"unit_name": hub.unit_name})
        )
    return None


def last_problem(desk: Desk) -> Problem | None:
    """The failure of the last attempt, if the last attempt failed (it survives a restart)."""
    hub = sync_state.parent(desk.db)
    if hub is None or not hub.last_error_kind:
        return None
    return from_kind(hub.last_error_kind, hub.last_error or "", retryable=hub.last_error_kind in _RETRYABLE)


_RETRYABLE = {"unreachable", "dns", "timeout", "broken", "refused", "server_error"}
