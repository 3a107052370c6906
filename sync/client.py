"""A station's line to its hub over HTTP: signed requests, checked replies, honest errors.

Every failure becomes a SyncError of one kind, with a message that says what
happened in plain words and what to do: the address cannot be found, nothing
answers there, the hub stopped answering, the encrypted connection failed,
the hub does not know or no longer accepts this station, a batch was too
big, the hub itself failed.
"""

from __future__ import annotations

import re
import socket
import ssl
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from haian_desk import __version__, network
from haian_desk.core.errors import Message, fill
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.replication.sync_state import Peer
from sync import auth
from sync.errors import SyncError
from sync.keys import InstallationKeys
from sync.limits import DEFAULT_CONNECT, DEFAULT_STALL

if TYPE_CHECKING:
    from haian_desk.desk import Desk


class HubLink:
    def __init__(
        self,
        desk: Desk,
        own: InstallationKeys,
        hub: Peer,
        url: str,
        *,
        stall_timeout: float = DEFAULT_STALL,
        connect_timeout: float = DEFAULT_CONNECT,
        tls_ca: str | None = None,
    ):
        self.desk, self.own, self.hub, self.url = desk, own, hub, url.rstrip("/")
        self.stall_timeout = stall_timeout
        self.offset = timedelta(0)
        verify = ssl.create_default_context(cafile=tls_ca) if tls_ca else True
        self.http = httpx.Client(
            base_url=self.url,
            verify=verify,
            timeout=httpx.Timeout(stall_timeout, connect=connect_timeout),
            headers={"User-Agent": f"haian-desk/{__version__}"},
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> HubLink:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def request(
        self, method: str, path: str, body: bytes = b"", content_type: str = "application/json"
    ) -> httpx.Response:
        response, signature = self._send(method, path, body, content_type)
        if response.status_code == 401 and self._clock_corrected(response, signature):
            # Our clock is off from the hub's: it said its time (signed); sign again on its time.
            response, signature = self._send(method, path, body, content_type)
        genuine = auth.reply_is_genuine(
            self.hub.sign_key, signature, response.status_code, response.content, response.headers.get(auth.SIGNATURE)
        )
        if response.status_code >= 400:
            # The hub cannot sign a refusal of a request it could not authenticate, and anyone on
            # the line can forge an unsigned one: only a signed refusal's own words are shown.
            raise status_error(response, genuine, network.centre_of(self.hub.role))
        if not genuine:
            raise SyncError(
                "bad_reply",
                "收到的回复没有{centre}的有效签名，已拒绝采用",
                "网络中可能有设备在改动数据；请检查网络，或改用U盘同步",
                params={"centre": network.centre_of(self.hub.role)},
            )
        return response

    def hub_time(self) -> str:
        """Our clock corrected by the offset the hub told us: the time its replay window expects."""
        return to_iso(self.desk.now() + self.offset)

    def _send(self, method: str, path: str, body: bytes, content_type: str) -> tuple[httpx.Response, str]:
        headers = auth.sign_request(
            self.own, self.desk.installation.id, self.hub.id, method, path, body, self.hub_time()
        )
        if body or method != "GET":
            headers["Content-Type"] = content_type
        try:
            return self.http.request(method, path, content=body, headers=headers), headers[auth.SIGNATURE]
        except httpx.HTTPError as error:
            raise classify(error, self.url, self.stall_timeout, network.centre_of(self.hub.role)) from error

    def _clock_corrected(self, response: httpx.Response, signature: str) -> bool:
        if not auth.reply_is_genuine(
            self.hub.sign_key, signature, response.status_code, response.content, response.headers.get(auth.SIGNATURE)
        ):
            return False
        try:
            problem = response.json()
            if problem.get("error") == "replayed":
                return True
            if problem.get("error") != "clock_skew":
                return False
            self.offset = from_iso(problem["time"]) - self.desk.now()
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        return True


def classify(error: httpx.HTTPError, url: str, stall: float, centre: str = "镇中心") -> SyncError:
    """Sort a transport failure into one kind a clerk can act on."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)
    causes = _causes(error)
    if any(isinstance(c, ssl.SSLError) for c in causes):
        return SyncError(
            "tls",
            "与同步中心 {host} 的加密连接（TLS）无法建立：证书不受信任、已过期或与地址不符",
            "请确认 https 地址正确，并用 --tls-ca 指定{centre}的证书文件",
            params={"centre": centre, "host": host},
        )
    if any(isinstance(c, socket.gaierror) for c in causes):
        return SyncError(
            "dns",
            "找不到同步中心的地址“{host}”（域名解析失败）",
            "请检查同步中心地址是否写错、本机能否上网",
            retryable=True,
            params={"host": host},
        )
    if any(isinstance(c, ConnectionRefusedError) for c in causes):
        return SyncError(
            "refused",
            "同步中心 {host}:{port} 拒绝连接：那里没有运行同步服务",
            "请确认{centre}的电脑已开机并启动了同步服务（haian-desk hub serve）",
            retryable=True,
            params={"centre": centre, "host": host, "port": port},
        )
    if isinstance(error, httpx.ConnectTimeout):
        return SyncError(
            "timeout",
            "连接同步中心 {host} 超时",
            "网络可能不通或太慢；稍后会自动重试",
            retryable=True,
            params={"host": host},
        )
    if isinstance(error, httpx.TimeoutException):
        return SyncError(
            "timeout",
            "同步中心 {host} 超过 {stall:g} 秒没有任何响应",
            "{centre}可能太忙或网络太慢；稍后会自动重试，已传的部分不用重传",
            retryable=True,
            params={"centre": centre, "host": host, "stall": stall},
        )
    if isinstance(error, (httpx.ConnectError, httpx.NetworkError)) and not isinstance(
        error, (httpx.ReadError, httpx.WriteError)
    ):
        return SyncError(
            "unreachable",
            "连不上同步中心 {host}（网络不通）",
            "请检查网线或无线网络",
            retryable=True,
            params={"host": host},
        )
    return SyncError(
        "broken",
        "与同步中心 {host} 的连接中途断开",
        "稍后会自动重试，从断点继续",
        retryable=True,
        params={"host": host},
    )


def status_error(response: httpx.Response, signed: bool = False, centre: str = "镇中心") -> SyncError:
    """A refusal in the app's own words; the hub's words only when the hub signed them."""
    problem = _problem(response) if signed else {}
    message, hint = problem.get("message"), problem.get("hint", "")
    status = response.status_code
    if status == 401 and problem.get("error") in ("clock_skew", "replayed"):
        return SyncError("clock", message or "", hint, retryable=True)
    if status == 401:
        return SyncError(
            "unauthorized", message or "同步中心不认这台电脑（未登记或密钥不符）（HTTP 401）", hint or "请重新办理登记"
        )
    if status == 403:
        if message:  # the hub's own words, signed: shown as they came (never formatted)
            return SyncError("revoked", message, hint)
        return SyncError(
            "revoked", "本站已被同步中心注销（HTTP 403）", "如有疑问请联系{centre}", params={"centre": centre}
        )
    if status == 413:
        return SyncError("too_large", message or "一次发送的数据超过了同步中心的上限（HTTP 413）", hint)
    if status in (408, 429, 503):
        return SyncError(
            "busy",
            "同步中心正忙或网络太慢（HTTP {status}）",
            "稍后会自动重试",
            retryable=True,
            params={"status": status},
        )
    if status >= 500:
        return SyncError(
            "server_error",
            "同步中心处理时出错（HTTP {status}）",
            "已传的部分不受影响；稍后会自动重试，如反复出现请联系{centre}",
            retryable=True,
            params={"centre": centre, "status": status},
        )
    if status == 422:
        if not signed:
            return SyncError(
                "batch_refused",
                "同步中心拒收了这批数据（HTTP 422，回复没有{centre}的签名，原因不可信）",
                "请稍后再试；如反复出现请联系{centre}",
                params={"centre": centre},
            )
        return SyncError(
            str(problem.get("error", "refused"))[:40],
            "同步中心拒收了这批数据：{message}",
            "{hint}",
            params={"message": _words(problem, "template", message), "hint": _words(problem, "hint_template", hint)},
        )
    return SyncError(
        "protocol",
        f"同步中心的回答不对（HTTP {status}）" + (f"：{message}" if message else ""),
        "请把双方都升级到最新版",
    )


_FIELDS = re.compile(r"\{([^{}]*)\}")


def _words(problem: dict, key: str, text):
    """The hub's words as a template this station can translate, when the hub sent one that
    gives exactly the Chinese it sent; otherwise the Chinese as it came."""
    template, params = problem.get(key), problem.get("params")
    if not isinstance(template, str) or not isinstance(params, dict) or not isinstance(text, str):
        return text
    if any(not field.isidentifier() for field in _FIELDS.findall(template)):
        return text  # only plain {name} fields: no format specs or attribute lookups from the wire
    try:
        same = fill(template, params) == text
    except (KeyError, IndexError, ValueError, AttributeError):
        same = False
    return Message(template, params) if same else text


def _problem(response: httpx.Response) -> dict:
    try:
        problem = response.json()
    except ValueError:
        return {}
    if not isinstance(problem, dict):
        return {}
    kept: dict = {
        k: str(problem[k])[:500]
        for k in ("error", "message", "hint", "template", "hint_template")
        if isinstance(problem.get(k), str)
    }
    params = problem.get("params")
    if isinstance(params, dict) and len(params) <= 20:  # only short plain values: they are shown, never run
        kept["params"] = {
            str(k)[:40]: v[:200] if isinstance(v, str) else v
            for k, v in params.items()
            if isinstance(v, str | int | float) and not isinstance(v, bool)
        }
    return kept


def _causes(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    link: BaseException | None = error
    while link is not None and link not in seen:
        seen.append(link)
        link = link.__cause__ or link.__context__
    return seen
