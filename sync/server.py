"""The hub's HTTP server: Starlette on uvicorn.

Every route but /v1/health and /openapi.json needs a request signed by an
enrolled installation. Database work runs in worker threads, one transaction
per batch, so stopping the server (or killing it) never leaves a batch half
applied; uvicorn's graceful shutdown lets a batch in progress finish.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from haian_desk import __version__, sync_state
from haian_desk.errors import HaianError
from haian_desk.sync_state import CHILD, Peer
from sync import auth, numbering, recover
from sync.batch import MEDIA_TYPE
from sync.errors import BatchRefused
from sync.hub import Hub
from sync.limits import DEFAULT_MAX_BODY
from sync.openapi import openapi_document

log = logging.getLogger("haian_desk.hub")

BATCH_TYPE = MEDIA_TYPE


class HttpProblem(Exception):
    def __init__(self, status: int, kind: str, message: str, hint: str = ""):
        super().__init__(message)
        self.status, self.kind, self.message, self.hint = status, kind, message, hint


@dataclass
class Served:
    hub: Hub
    max_body: int


def create_app(hub: Hub, max_body: int = DEFAULT_MAX_BODY) -> Starlette:
    served = Served(hub, max_body)

    def route(path: str, handler, methods: list[str]) -> Route:
        async def endpoint(request: Request) -> Response:
            return await _handle(served, request, handler)
        return Route(path, endpoint, methods=methods)

    routes = [
        Route("/v1/health", _health, methods=["GET"]),
        Route("/openapi.json", _openapi, methods=["GET"]),
        route("/v1/hello", _hello, ["POST"]),
        route("/v1/batches", _post_batch, ["POST"]),
        route("/v1/batches", _get_batch, ["GET"]),
        route("/v1/check", _check, ["POST"]),
        route("/v1/missing", _missing, ["POST"]),
        route(numbering.ROUTE, _numbering, ["POST"]),
        route(recover.ROUTE, _recover, ["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.served = served
    return app


async def _health(request: Request) -> Response:
    return JSONResponse({"ok": True, "software": f"haian-desk {__version__}"})


async def _openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


async def _handle(served: Served, request: Request, handler) -> Response:
    started = time.monotonic()
    peer, status, size, signature = None, 500, 0, request.headers.get(auth.SIGNATURE, "")
    try:
        body = await _read_body(request, served.max_body)
        size = len(body)
        peer = await run_in_threadpool(_authenticate, served.hub, request, body)
        response = await handler(served.hub, request, peer, body)
        status = response.status_code
        response.headers[auth.SIGNATURE] = auth.sign_reply(served.hub.keys, signature, status, response.body)
        return response
    except HttpProblem as problem:
        status = problem.status
        return _problem(problem, served.hub if peer else None, signature)
    except BatchRefused as refused:
        status = 422
        return _problem(HttpProblem(422, refused.kind, refused.message, refused.hint), served.hub, signature)
    except HaianError as error:
        status = 422
        return _problem(HttpProblem(422, "refused", error.message, error.hint), served.hub, signature)
    except Exception:  # noqa: BLE001 - the station gets a plain 500; the log gets the traceback
        log.error(json.dumps({"event": "error", "path": request.url.path,
                              "traceback": traceback.format_exc()}, ensure_ascii=False))
        return _problem(HttpProblem(500, "server_error", "镇中心处理时出错", "请稍后再试；如反复出现请联系镇中心"),
                        None, signature)
    finally:
        log.info(json.dumps({
            "event": "request", "method": request.method, "path": request.url.path, "status": status,
            "peer": peer.id if peer else request.headers.get(auth.FROM),
            "unit": peer.unit_code if peer else None, "bytes_in": size,
            "ms": round((time.monotonic() - started) * 1000, 1)}, ensure_ascii=False))


def _problem(problem: HttpProblem, hub: Hub | None, signature: str) -> Response:
    response = JSONResponse({"error": problem.kind, "message": problem.message, "hint": problem.hint},
                            status_code=problem.status)
    if hub is not None:
        response.headers[auth.SIGNATURE] = auth.sign_reply(hub.keys, signature, problem.status, response.body)
    return response


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> HttpProblem:
    return HttpProblem(413, "too_large", f"一次发送的数据超过了镇中心的上限（{limit} 字节）",
                       "同步程序会自动分小批重发；如仍不行请联系镇中心调大上限")


def _authenticate(hub: Hub, request: Request, body: bytes) -> Peer:
    sender = request.headers.get(auth.FROM, "")
    peer = sync_state.get_peer(hub.desk.db, sender) if sender else None
    if peer is None or peer.relation != CHILD:
        raise HttpProblem(401, "not_enrolled", "本站没有在镇中心登记，镇中心拒绝同步",
                          "请先办理登记：haian-desk enrol request，再交镇中心 hub enrol")
    if request.headers.get(auth.TO) != hub.desk.installation.id:
        raise HttpProblem(401, "wrong_hub", "请求是发给另一个同步中心的", "请检查同步中心的地址")
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if not auth.request_is_genuine(peer.sign_key, request.headers, request.method, path, body):
        raise HttpProblem(401, "bad_signature", "请求的签名与登记的密钥不符，镇中心拒绝同步",
                          "如本站重装过，请重新办理登记")
    if not peer.active:
        raise HttpProblem(403, "revoked", "本站已被镇中心注销，不能再同步", "如有疑问请联系镇中心")
    return peer


async def _hello(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    result = await run_in_threadpool(hub.hello, peer, request.headers.get(auth.TIME))
    return JSONResponse(result)


async def _post_batch(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    receipt, ack = await run_in_threadpool(hub.take, body, "http", peer)
    log.info(json.dumps({"event": "batch", "peer": peer.id, "unit": peer.unit_code, "batch": ack["batch"],
                         "status": ack["status"], "applied": ack["applied"], "already": ack["already"],
                         "rejected": len(ack["rejected"]), "held": ack["held"]}, ensure_ascii=False))
    return JSONResponse(ack)


async def _get_batch(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    try:
        after = int(request.query_params.get("after", "0"))
        limit = max(1, min(5000, int(request.query_params.get("limit", "500"))))
    except ValueError:
        raise HttpProblem(400, "bad_request", "after 和 limit 应为整数") from None
    data = await run_in_threadpool(hub.give, peer, after, limit)
    return Response(data, media_type=BATCH_TYPE)


async def _check(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    return JSONResponse(await run_in_threadpool(hub.check, peer, _json_body(body)))


async def _missing(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    return JSONResponse(await run_in_threadpool(hub.missing, peer, _json_body(body)))


async def _numbering(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    """Where a restored station's numbering stood (sync.numbering)."""
    return JSONResponse(await run_in_threadpool(numbering.answer, hub.desk, peer))


async def _recover(hub: Hub, request: Request, peer: Peer, body: bytes) -> Response:
    """Everything a re-approved station sent up, and what concerns it from above (sync.recover)."""
    try:
        after = int(request.query_params.get("after", "0"))
        limit = max(1, min(5000, int(request.query_params.get("limit", str(recover.PAGE)))))
    except ValueError:
        raise HttpProblem(400, "bad_request", "after 和 limit 应为整数") from None
    data = await run_in_threadpool(recover.recovery_batch, hub.desk, hub.keys, peer, after, limit)
    return Response(data, media_type=BATCH_TYPE)


def _json_body(body: bytes) -> dict:
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        payload = None
    if not isinstance(payload, dict):
        raise HttpProblem(400, "bad_request", "核对请求的格式不对")
    return payload
