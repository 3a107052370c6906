"""Operations on cases: intake and every later action, each through the ledger.

The station's only way to change a case. Each function checks what only the
station can know (the villager exists, the catalogue item is proxiable), then
records events; the state machine in ``fold`` decides the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haian_desk.calendar import operations as working_calendar
from haian_desk.cases import drafts, numbers
from haian_desk.cases.catalogue_queries import get_item
from haian_desk.cases.fold import JSON_COLUMNS, check_authorisation
from haian_desk.cases.vocabulary import KINDS
from haian_desk.core.errors import NotFound, RuleRefused, ValidationError
from haian_desk.core.ids import uuid7
from haian_desk.core.normalise import free_text
from haian_desk.events.columns import decoded

if TYPE_CHECKING:
    from haian_desk.desk import Desk


CLOCK_STARTS = ("accepted", "reopened")


@dataclass
class Intake:
    """Everything a clerk fills in at the counter for a new matter."""

    kind: str
    villager_id: str
    description: str
    first_cadre_id: str
    channel: str = "walk_in"
    catalogue_code: str | None = None
    urgency: str = "normal"
    urgent_deadline: str | None = None
    materials_received: list[str] = field(default_factory=list)
    authorisation: dict | None = None
    long_standing: bool = False
    petition: bool = False
    responsible_cadre_id: str | None = None
    accept: bool = True
    # Materials the clerk found missing at the counter: registered as 待补正 with this list
    # (一次性告知) instead of being accepted.
    missing_materials: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Registered:
    case_id: str
    case_no: str
    status: str


def take_in(desk: Desk, actor: str, intake: Intake, *, draft: str | None = None) -> Registered:
    """Register a matter (and accept it at once unless told not to) in one transaction.

    ``draft`` names the actor's form draft this intake was typed in: it is
    discarded in the same transaction as the registration.
    """
    if intake.kind not in KINDS:
        raise ValidationError("请选择服务类型：民意代言、事务代办或诉求代理", field="kind")
    payload = _registration_payload(desk, intake)
    case_id = uuid7()
    with desk.db.write() as conn:
        _require_villager(conn, intake.villager_id)
        _require_cadre(conn, intake.first_cadre_id)
        payload["case_no"] = numbers.next_case_no(conn, desk.installation.unit_code, desk.now())
        _, state = desk.ledger.record(conn, "case", case_id, "registered", payload, actor)
        # Missing materials: 待补正 at once. Urgent matters are accepted at once; a claim
        # waiting for its signed mandate cannot be.
        if intake.missing_materials:
            _, state = desk.ledger.record(
                conn, "case", case_id, "materials_missing", {"missing": list(intake.missing_materials)}, actor
            )
        elif (intake.accept or intake.urgency == "urgent") and state["status"] == "registered":
            clock = working_calendar.clock_payload(conn, state, desk.now())
            _, state = desk.ledger.record(conn, "case", case_id, "accepted", clock, actor)
        if draft is not None:
            drafts.discard_in(conn, actor, draft)
    return Registered(case_id, state["case_no"], state["status"])


def _registration_payload(desk: Desk, intake: Intake) -> dict:
    payload: dict[str, object] = {
        "kind": intake.kind,
        "villager_id": intake.villager_id,
        "description": free_text(intake.description, "诉求内容", "description", multiline=True),
        "channel": intake.channel,
        "urgency": intake.urgency,
        "urgent_deadline": intake.urgent_deadline,
        "first_cadre_id": intake.first_cadre_id,
        "responsible_cadre_id": intake.responsible_cadre_id or intake.first_cadre_id,
        "materials_received": list(intake.materials_received),
        "long_standing": intake.long_standing,
        "petition": intake.petition,
        "unit_code": desk.installation.unit_code,
        "timing": "承诺",
        "time_limit": None,
    }
    if intake.authorisation:
        payload["authorisation"] = check_authorisation(intake.authorisation)
    if intake.catalogue_code:
        item = get_item(desk, intake.catalogue_code)
        if not item.proxy_allowed:
            raise RuleRefused(
                "“{name}”须本人到场办理，不能代办", "请告诉群众办理地点和要带的材料（指引）", params={"name": item.name}
            )
        payload.update(catalogue_code=item.code, matter_name=item.name, timing=item.mode, time_limit=item.time_limit)
    return payload


def act(desk: Desk, actor: str, case_id: str, event_type: str, **payload) -> dict:
    """Record one action on a case; returns the case as it now stands."""
    if event_type == "registered":
        raise RuleRefused("新办件请用受理登记")
    with desk.db.write() as conn:
        if not conn.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone():
            raise NotFound("找不到这件办件", "请从办件列表中重新打开")
        if event_type == "assigned":
            _require_cadre(conn, payload.get("cadre_id") or "")
        if event_type in CLOCK_STARTS:  # the deadline is counted now, on the calendar in force
            case = decoded(conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone(), JSON_COLUMNS)
            payload.update(working_calendar.clock_payload(conn, case, desk.now()))
        _, state = desk.ledger.record(conn, "case", case_id, event_type, payload, actor)
    return state


def _require_villager(conn, villager_id: str) -> None:
    if not conn.execute("SELECT 1 FROM villagers WHERE id = ?", (villager_id,)).fetchone():
        raise NotFound("找不到这位群众", "请先在群众名册中选择或新建")


def _require_cadre(conn, cadre_id: str) -> None:
    row = conn.execute("SELECT active FROM cadres WHERE id = ?", (cadre_id,)).fetchone()
    if row is None:
        raise NotFound("找不到这位代理员", "请从代理员名录中选择")
    if not row["active"]:
        raise RuleRefused("这位代理员已停用", "请选择在岗的代理员")
