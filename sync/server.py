"""The hub's HTTP server: Starlette on uvicorn.

Every route but /v1/health and /openapi.json needs a request signed by an
enrolled installation. The caller is checked from the headers alone (who,
to whom, when, a fresh nonce, a signature over the declared body digest)
before a byte of the body is read; the body is then streamed with the size
limit, a deadline and the digest enforced, while a gate bounds how many
bodies are read at once. Every body and query is validated against its
schema (``sync/schemas.py``) before a handler sees it, and every refusal is
a problem document. Database work runs in worker threads, one transaction
per batch, so stopping the server (or killing it) never leaves a batch half
applied; uvicorn's graceful shutdown lets a batch in progress finish.

To add a signed endpoint, add a ``SignedRoute`` to ``SIGNED_ROUTES`` (or pass
it to ``create_app``): a handler ``(hub, request, peer, body) -> Response``,
the content type its body must have and whether it reads a query; validate
what it reads with ``parse_body`` / ``parse_query`` and a schema in
``sync/schemas.py`` (and describe it in ``sync/openapi.py``).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from haian_desk import network
from haian_desk.core.errors import HaianError
from haian_desk.core.timeutil import from_iso, to_iso
from haian_desk.replication.hub_backend import ReplayBook
from haian_desk.replication.sync_state import CHILD, Peer
from sync import auth, limits, numbering, recover, schemas
from sync.batch import MEDIA_TYPE
from sync.errors import BatchRefused
from sync.guard import RateLimited, RateLimiter, UploadGate
from sync.hub import Hub
from sync.limits import DEFAULT_MAX_BODY
from sync.openapi import openapi_document

log = logging.getLogger("haian_desk.hub")

BATCH_TYPE = MEDIA_TYPE
JSON_TYPE = "application/json"


class HttpProblem(Exception):
    def __init__(self, status: int, kind: str, message: str, hint: str = "", **extra):
        super().__init__(message)
        self.status, self.kind, self.message, self.hint, self.extra = status, kind, message, hint, extra


Handler = Callable[[Hub, Request, Peer, bytes], Awaitable[Response]]


@dataclass(frozen=True)
class SignedRoute:
    path: str
    method: str
    handler: Handler
    content_type: str | None = None  # None: the request has no body
    takes_query: bool = False  # a query string is refused unless the handler reads one


@dataclass
class Settings:
    max_body: int = DEFAULT_MAX_BODY
    body_timeout: float = limits.BODY_TIMEOUT
    stall_timeout: float = limits.DEFAULT_STALL
    replay_window: float = limits.REPLAY_WINDOW
    uploads_per_caller: int = limits.UPLOADS_PER_CALLER
    uploads_total: int = limits.UPLOADS_TOTAL
    rate_per_address: float = limits.RATE_PER_ADDRESS
    rate_burst: int = limits.RATE_BURST


@dataclass
class Served:
    hub: Hub
    settings: Settings
    nonces: ReplayBook = field(init=False)
    rate: RateLimiter = field(init=False)
    uploads: UploadGate = field(init=False)

    def __post_init__(self) -> None:
        s = self.settings
        # Several workers share a PostgreSQL hub's book; a township's one process keeps its own.
        self.nonces = self.hub.backend.replay_book(s.replay_window) or auth.NonceBook(s.replay_window)
        self.rate = RateLimiter(s.rate_per_address, s.rate_burst)
        self.uploads = UploadGate(s.uploads_per_caller, s.uploads_total)


def create_app(
    hub: Hub,
    max_body: int = DEFAULT_MAX_BODY,
    settings: Settings | None = None,
    extra_routes: tuple[SignedRoute, ...] = (),
) -> Starlette:
    settings = settings or Settings(max_body=max_body)
    served = Served(hub, settings)

    def signed(spec: SignedRoute) -> Route:
        async def endpoint(request: Request) -> Response:
            return await _handle(served, request, spec)

        return Route(spec.path, endpoint, methods=[spec.method])

    routes = [
        Route("/v1/health", _health, methods=["GET"]),
        Route("/openapi.json", _openapi, methods=["GET"]),
        *(signed(spec) for spec in (*SIGNED_ROUTES, *extra_routes)),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: _not_found, 405: _not_allowed},
        middleware=[Middleware(RateLimited, limiter=served.rate, refuse=_too_many)],
    )
    app.state.served = served
    return app


async def _too_many(scope, receive, send) -> None:
    served = scope["app"].state.served
    response = _problem(_said(served, 429, "too_many_requests", "请求太频繁，{centre}暂不处理", "请稍后再试"), None, "")
    await response(scope, receive, send)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _problem(HttpProblem(404, "not_found", "没有这个接口", "请检查同步中心的地址（不要带路径）"), None, "")


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return _problem(
        HttpProblem(405, "method_not_allowed", "这个接口不接受这种请求方式", "请把双方都升级到最新版"), None, ""
    )


async def _health(request: Request) -> Response:
    # No version to callers who have not shown a key: it would tell an attacker what to try.
    return JSONResponse({"ok": True})


async def _openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


# -- one signed request, from headers to reply --------------------------------------


async def _handle(served: Served, request: Request, spec: SignedRoute) -> Response:
    started = time.monotonic()
    state = {"peer": None, "status": 500, "size": 0}
    signature = request.headers.get(auth.SIGNATURE, "")
    try:
        response = await _serve(served, request, spec, state)
        state["status"] = response.status_code
        response.headers[auth.SIGNATURE] = auth.sign_reply(
            served.hub.keys, signature, response.status_code, bytes(response.body)
        )
        return response
    except HttpProblem as problem:
        state["status"] = problem.status
        return _problem(problem, served.hub if state["peer"] else None, signature)
    except BatchRefused as refused:
        state["status"] = 422
        return _problem(_refusal(422, refused.kind, refused), served.hub, signature)
    except HaianError as error:
        state["status"] = 422
        return _problem(_refusal(422, "refused", error), served.hub, signature)
    except ClientDisconnect:
        state["status"] = 499  # the caller went away mid-body: one line, no traceback
        return Response(status_code=400)
    except Exception:  # noqa: BLE001 - the station gets a plain 500; the log gets the traceback
        log.error(
            json.dumps(
                {"event": "error", "path": request.url.path, "traceback": traceback.format_exc()}, ensure_ascii=False
            )
        )
        return _problem(
            _said(served, 500, "server_error", "{centre}处理时出错", "请稍后再试；如反复出现请联系{centre}"),
            None,
            signature,
        )
    finally:
        _log_request(request, state, started)


async def _serve(served: Served, request: Request, spec: SignedRoute, state: dict) -> Response:
    peer = await run_in_threadpool(_authenticate, served, request)
    state["peer"] = peer
    await run_in_threadpool(_check_freshness, served, request, peer)  # a PostgreSQL hub's book is a query
    _check_content_type(request, spec)
    if request.url.query and not spec.takes_query:
        raise _bad_request(schemas.Invalid("this endpoint takes no query parameters"))
    body = b""
    if spec.content_type is not None or _declares_body(request):
        if not served.uploads.enter(peer.id):
            raise _said(served, 429, "busy", "{centre}正在接收太多数据，暂不接收这一批", "稍后会自动重试")
        try:
            body = await _read_body(request, served)
        finally:
            served.uploads.leave(peer.id)
    state["size"] = len(body)
    if hashlib.sha256(body).hexdigest() != request.headers[auth.DIGEST]:
        raise HttpProblem(400, "bad_request", "收到的数据与请求声明的不一致（传输中被改动或不完整）", "稍后会自动重试")
    return await spec.handler(served.hub, request, peer, body)


def _log_request(request: Request, state: dict, started: float) -> None:
    peer = state["peer"]
    claimed = request.headers.get(auth.FROM, "")[:40] or None
    event = "aborted" if state["status"] == 499 else "request"
    log.info(
        json.dumps(
            {
                "event": event,
                "method": request.method,
                "path": request.url.path,
                "status": state["status"],
                "peer": peer.id if peer else claimed,
                "unit": peer.unit_code if peer else None,
                "address": request.client.host if request.client else None,
                "bytes_in": state["size"],
                "ms": round((time.monotonic() - started) * 1000, 1),
            },
            ensure_ascii=False,
        )
    )


def _refusal(status: int, kind: str, error: HaianError) -> HttpProblem:
    """The refusal in the hub's Chinese, plus its templates and parameters, so a station running
    in another language can show it in its own words (the Chinese stays for older stations)."""
    return HttpProblem(
        status,
        kind,
        error.message,
        error.hint,
        template=error.template,
        hint_template=error.hint_template,
        params={key: value for key, value in error.params.items() if isinstance(value, str | int | float)},
    )


def _problem(problem: HttpProblem, hub: Hub | None, signature: str) -> Response:
    body = {"error": problem.kind, "message": problem.message, "hint": problem.hint, **problem.extra}
    response = JSONResponse(body, status_code=problem.status)
    if problem.status in (429, 503):
        response.headers["Retry-After"] = "5"
    if hub is not None:
        response.headers[auth.SIGNATURE] = auth.sign_reply(hub.keys, signature, problem.status, bytes(response.body))
    return response


_UNAUTHORIZED = (
    "unauthorized",
    "{centre}不接受这个请求（本站未登记、密钥不符或地址不对）",
    "请确认同步中心地址正确；如本站重装过，请重新办理登记",
)


def _said(
    served: Served, status: int, kind: str, template: str, hint: str = "", params: dict | None = None, **extra
) -> HttpProblem:
    """A refusal naming the hub by its level (镇中心, 县级中心, …), in Chinese plus its templates and
    parameters, as ``_refusal`` sends a domain error (a station in another language words it itself)."""
    params = {"centre": network.centre_of(served.hub.backend.own.role), **(params or {})}
    return HttpProblem(
        status,
        kind,
        template.format(**params),
        hint.format(**params),
        template=template,
        hint_template=hint,
        params=params,
        **extra,
    )


def _authenticate(served: Served, request: Request) -> Peer:
    """Who is calling, from the headers alone. Every way of failing looks the same from outside."""
    hub, headers = served.hub, request.headers
    sender = headers.get(auth.FROM, "")
    peer = hub.backend.peer(sender) if sender and len(sender) <= 40 else None
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    genuine = (
        peer is not None
        and peer.relation == CHILD
        and auth.headers_well_formed(headers)
        and headers.get(auth.TO) == hub.backend.own.id
        and auth.request_is_genuine(peer.sign_key, headers, request.method, path)
    )
    if not genuine or peer is None:
        raise _said(served, 401, *_UNAUTHORIZED)
    if not peer.active:
        raise _said(served, 403, "revoked", "本站已被{centre}注销，不能再同步", "如有疑问请联系{centre}")
    return peer


def _check_freshness(served: Served, request: Request, peer: Peer) -> None:
    """A signed request is good once, and only near the time it says it was made."""
    now = served.hub.backend.now()
    try:
        skew = abs((from_iso(request.headers[auth.TIME]) - now).total_seconds())
    except (ValueError, TypeError, OverflowError):
        skew = None
    if skew is None or skew > served.settings.replay_window:
        raise _said(
            served,
            401,
            "clock_skew",
            "请求的时间与{centre}的时间相差太大",
            "同步程序会按{centre}的时间自动重发",
            time=to_iso(now),
        )
    first = served.nonces.first_use(peer.id, request.headers[auth.NONCE])
    if first is None:
        raise _said(served, 503, "busy", "{centre}暂时太忙", "稍后会自动重试")
    if not first:
        raise _said(
            served, 401, "replayed", "这个请求已经收到过（重放），{centre}不再处理", "同步程序会自动重新签名再发"
        )


def _check_content_type(request: Request, spec: SignedRoute) -> None:
    given = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if spec.content_type is not None and given != spec.content_type:
        raise HttpProblem(
            415, "unsupported_media_type", f"这个接口只接收 {spec.content_type} 格式的数据", "请把双方都升级到最新版"
        )


def _declares_body(request: Request) -> bool:
    return request.headers.get("content-length", "0") != "0" or "transfer-encoding" in request.headers


async def _read_body(request: Request, served: Served) -> bytes:
    """The body, streamed: never more than the limit, never slower than the deadlines allow."""
    settings = served.settings
    limit = settings.max_body
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _too_large(served, limit)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.body_timeout
    chunks, size, stream = [], 0, request.stream().__aiter__()
    while True:
        wait = min(settings.stall_timeout, deadline - loop.time())
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), max(wait, 0.001))
        except StopAsyncIteration:
            break
        except TimeoutError:
            raise _said(
                served, 408, "too_slow", "数据发送得太慢，{centre}不再等待", "网络可能太慢；稍后会自动重试"
            ) from None
        size += len(chunk)
        if size > limit:
            raise _too_large(served, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(served: Served, limit: int) -> HttpProblem:
    return _said(
        served,
        413,
        "too_large",
        "一次发送的数据超过了{centre}的上限（{limit} 字节）",
        "同步程序会自动分小批重发；如仍不行请联系{centre}调大上限",
        params={"limit": limit},
    )


def _bad_request(error: schemas.Invalid) -> HttpProblem:
    return HttpProblem(400, "bad_request", f"请求的内容不符合接口说明：{error}", "请把双方都升级到最新版")


def parse_body(body: bytes, schema):
    try:
        return schemas.decode_json(body, schema)
    except schemas.Invalid as error:
        raise _bad_request(error) from None


def parse_query(request: Request, schema):
    items = request.query_params.multi_items()
    if len({k for k, _ in items}) != len(items):
        raise _bad_request(schemas.Invalid("a query parameter is given twice"))
    try:
        return schemas.convert(dict(items), schema, from_text=True)
    except schemas.Invalid as error:
        raise _bad_request(error) from None


# -- the handlers ---------------------------------------------------------------------


async def _hello(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    hello = parse_body(body or b"{}", schemas.HelloRequest)
    result = await run_in_threadpool(hub.hello, peer, hello.clock or request.headers.get(auth.TIME))
    return JSONResponse(result)


async def _post_batch(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    receipt, ack = await run_in_threadpool(hub.take, body, "http", peer)
    log.info(
        json.dumps(
            {
                "event": "batch",
                "peer": peer.id,
                "unit": peer.unit_code,
                "batch": ack["batch"],
                "status": ack["status"],
                "applied": ack["applied"],
                "already": ack["already"],
                "rejected": len(ack["rejected"]),
                "held": ack["held"],
            },
            ensure_ascii=False,
        )
    )
    return JSONResponse(ack)


async def _get_batch(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    query = parse_query(request, schemas.BatchQuery)
    data = await run_in_threadpool(hub.give, peer, query.after, query.limit)
    return Response(data, media_type=BATCH_TYPE)


async def _check(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    return JSONResponse(await run_in_threadpool(hub.check, peer, parse_body(body, schemas.CheckRequest)))


async def _missing(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    return JSONResponse(await run_in_threadpool(hub.missing, peer, parse_body(body, schemas.MissingRequest)))


async def _numbering(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    """Where a restored station's numbering stood (sync.numbering)."""
    return JSONResponse(await run_in_threadpool(lambda: numbering.answer(hub.backend, peer)))


async def _recover(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    """Everything a re-approved station sent up, and what concerns it from above (sync.recover)."""
    query = parse_query(request, schemas.BatchQuery)
    data = await run_in_threadpool(
        lambda: recover.recovery_batch(hub.backend, hub.keys, peer, query.after, query.limit)
    )
    return Response(data, media_type=BATCH_TYPE)


SIGNED_ROUTES: list[SignedRoute] = [
    SignedRoute("/v1/hello", "POST", _hello, JSON_TYPE),
    SignedRoute("/v1/batches", "POST", _post_batch, BATCH_TYPE),
    SignedRoute("/v1/batches", "GET", _get_batch, takes_query=True),
    SignedRoute("/v1/check", "POST", _check, JSON_TYPE),
    SignedRoute("/v1/missing", "POST", _missing, JSON_TYPE),
    SignedRoute(numbering.ROUTE, "POST", _numbering, JSON_TYPE),
    SignedRoute(recover.ROUTE, "POST", _recover, takes_query=True),
]
