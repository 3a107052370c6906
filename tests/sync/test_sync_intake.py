"""Guarantee 1: intake never waits for the network, not even for a hub that accepts and never answers."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader

from haian_desk.cases import queries
from haian_desk.desk import Desk
from haian_desk.replication import sync_state
from sync import keys as keymod
from sync.errors import SyncError
from tests.sync.helpers import Node, free_port, sync, take_in
from tests.sync.proxy import BlackHole


def _background_sync(station: Node, url: str, outcome: dict) -> threading.Thread:
    """The exchange on its own thread and connection, as the app's background sync runs it."""

    def run() -> None:
        other = Node(
            station.folder, Desk.open(station.folder, wall=station.clock), keymod.load(station.folder), station.clock
        )
        try:
            outcome["report"] = sync(other, url, stall_timeout=300)
        except SyncError as error:
            outcome["error"] = error
        finally:
            other.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def _take_in_and_print(station: Node, folder) -> str:
    from ui.printing import actions, render

    case_id = take_in(station, description="老人摔伤，请求帮助联系医院", name="李桂兰")
    case_no = queries.get_case(station.desk, case_id).case_no
    document, paper = actions.prepare(station.desk, actions.Request(case_id, "receipt"))
    pdf = folder / "receipt.pdf"
    assert render.write_pdf(document, paper, pdf) >= 1
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert case_no in text.replace(" ", "")
    return case_id


def test_a_hub_that_never_answers_does_not_hold_up_intake_or_the_receipt(network, tmp_path, qapp):
    hub, (station, _) = network
    take_in(station)  # work waiting to go up
    hole = BlackHole()
    outcome: dict = {}
    thread = _background_sync(station, hole.url, outcome)
    assert hole.connected.wait(30)  # the exchange has sent its first request and waits for an answer
    case_id = _take_in_and_print(station, tmp_path)
    assert thread.is_alive() and not outcome  # it was still waiting the whole time
    hole.close()
    thread.join(60)
    assert outcome["error"].kind in ("broken", "timeout")
    assert queries.get_case(station.desk, case_id).status == "in_progress"
    assert "连接" in sync_state.parent(station.desk.db).last_error


@pytest.mark.parametrize("where", ["refused", "dns"])
def test_an_unreachable_hub_does_not_hold_up_intake(network, tmp_path, qapp, where):
    _, (station, _) = network
    url = f"http://127.0.0.1:{free_port()}" if where == "refused" else "http://hub.invalid:8765"
    outcome: dict = {}
    thread = _background_sync(station, url, outcome)
    _take_in_and_print(station, tmp_path)
    thread.join(60)
    assert outcome["error"].kind == where
