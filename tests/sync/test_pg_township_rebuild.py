"""A township hub whose folder is lost (or restored from an old backup) rebuilt from its county on
PostgreSQL: re-approved at the county (``hub reapprove --database``: the SQLite hub's rule on the
county's ``HubDesk``), rebuilt from the county's recovery pages (``/v1/recover``) and its last
backup, its stations re-enrolled; then every level syncs on with nothing lost and nothing twice,
``hub check`` passes at the county and ``check`` at the township. The refusals write nothing.
Real PostgreSQL, real installations, the county served on 127.0.0.1; and the same rule at a county
kept in SQLite."""

from __future__ import annotations

import pytest

from haian_desk.cases.shipped_catalogue import SHIPPED_ORIGIN
from haian_desk.core.errors import HaianError
from haian_desk.desk import Desk
from haian_desk.people import users
from haian_desk.replication import sync_state
from haian_desk.storage import backup
from haian_desk.storage.backup_openers import Openers
from haian_desk.storage.check import run_check
from haian_desk.storage.postgres import hub as pg
from sync import keys as keymod, recover
from sync.errors import SyncError
from sync.serve import BackgroundHub
from tests.sync.helpers import (
    COUNTY,
    PASSWORD,
    Node,
    act,
    cli,
    enrol,
    event_ids,
    make_node,
    sync,
    take_in,
    township_with_stations,
)
from tests.sync.pg_county import PgCounty, PgHubNode, staffed


@pytest.fixture
def county(pg_url, tmp_path, clock) -> PgHubNode:
    node = PgHubNode(PgCounty(pg_url, tmp_path / "county-keys", clock).make())
    staffed(node)  # the county's admin re-approves
    yield node
    node.close()


@pytest.fixture
def tree(tmp_path, clock, county):
    township, stations = township_with_stations(tmp_path, clock, stations=2)
    county.county.enrol(township)
    yield township, stations
    for node in (township, *stations):
        node.close()


def _at_county(county: PgHubNode, origins: tuple[str, ...] | None = None) -> list[str]:
    if origins:
        return [r[0] for r in county.db.query("SELECT id FROM events WHERE origin = ANY(%s)", (list(origins),))]
    return [r[0] for r in county.db.query("SELECT id FROM events WHERE origin != %s", (SHIPPED_ORIGIN,))]


def _numbers(county: PgHubNode) -> list[str]:
    return [r[0] for r in county.db.query("SELECT case_no FROM cases")]


def _rebuilt(county: PgHubNode, township: Node, folder, url: str, made, clock) -> tuple[Node, recover.Recovered]:
    """The township on a new PC: request, re-approval at the county, rebuild, its staff again."""
    request = recover.make_request(folder, township.unit_code, "township")
    _, answer = recover.reapprove(county.desk, county.keys, request, "admin", url)  # type: ignore[arg-type]
    done = recover.recover(
        folder, answer, ("admin", PASSWORD), backup=made, openers=Openers.at(township.folder), wall=clock
    )
    desk = Desk.open(folder, wall=clock)
    users.add_user(desk, "staff", "王小", "township_staff", PASSWORD, actor="admin")
    return Node(folder, desk, keymod.load(folder), clock), done


def test_a_lost_township_comes_back_from_its_county_and_its_stations_sync_on(tree, county, tmp_path, clock):
    township, (first, second) = tree
    with county.county.served() as above:
        with BackgroundHub(township.folder, wall=clock) as here:
            early = take_in(first, description="第一村，早就上报县里的")
            take_in(second, description="第二村，早就上报县里的", name="李四")
            sync(first, here.url)
            sync(second, here.url)
        act(township, early, "note", text="镇里看过了")
        sync(township, above.url)
        act(township, early, "note", text="备份前镇里又记了一笔，还没报县里")
        made = backup.backup_to(township.desk.db, tmp_path / "stick" / "township.sqlite3")
        with BackgroundHub(township.folder, wall=clock) as here:
            late = take_in(first, description="第一村，镇里还没报县里就坏了")
            sync(first, here.url)
        below = (township.id, first.id, second.id)  # the township's own records and its stations'
        reached = set(_at_county(county, below)) | set(event_ids(township, township.id))
        township.close()  # the township's PC dies; its folder is gone

        new, done = _rebuilt(county, township, tmp_path / "new-township", above.url, made, clock)
        try:
            assert new.id == township.id and new.desk.installation.role == "township"
            assert done.from_hub > 0 and done.from_backup == 1  # the note the county never got
            assert reached <= set(event_ids(new))
            assert run_check(new.desk).ok
            # the stations' records came back as theirs: their later work still goes up
            with new.desk.db.read() as conn:
                via = sync_state.via_of(conn, {first.id, second.id})
            assert via == {first.id: first.id, second.id: second.id}

            revived = township_again(township)  # the dead township's PC, should it come back to life
            try:
                with pytest.raises(SyncError) as refused:
                    sync(revived, above.url)
                assert refused.value.kind == "unauthorized"
            finally:
                revived.close()

            # the stations re-enrol (the township's keys are new) and sync; what the township lost
            # (the first village's last matter) comes up again from the station
            with BackgroundHub(new.folder, wall=clock) as here, pytest.raises(SyncError) as before_enrolling:
                sync(first, here.url)  # still pinned to the township's old keys
            assert before_enrolling.value.kind == "unauthorized" and "重新办理登记" in str(before_enrolling.value)
            for station in (first, second):
                enrol(station, new)
            with BackgroundHub(new.folder, wall=clock) as here:
                sync(first, here.url)
                sync(second, here.url)
                take_in(second, description="第二村，镇中心恢复后登记的")
                sync(second, here.url)
            assert new.desk.db.one("SELECT 1 FROM cases WHERE id = ?", (late,))
            act(new, early, "note", text="镇中心恢复后记的")
            report = sync(new, above.url)
            assert not report.rejected
            again = sync(new, above.url)
            assert again.sent == 0

            held = _at_county(county)
            assert len(held) == len(set(held))
            ours = {r[0] for r in new.desk.db.query("SELECT id FROM events WHERE origin != ?", (SHIPPED_ORIGIN,))}
            assert ours <= set(held)  # everything the township holds is at the county, once
            assert county.db.one("SELECT 1 FROM cases WHERE id = %s", (late,))
            numbers = _numbers(county)
            assert len(numbers) == len(set(numbers)) == 4
            assert not sync_state.quarantined(county.desk.db)  # type: ignore[arg-type]
            assert not sync_state.quarantined(new.desk.db)
            assert pg.check(county.db).ok
            assert run_check(new.desk).ok
            assert run_check(first.desk).ok and run_check(second.desk).ok
        finally:
            new.close()


def township_again(township: Node) -> Node:
    """The dead township's folder, as if its old PC came back to life."""
    return Node(township.folder, Desk.open(township.folder, wall=township.clock), township.keys, township.clock)


def test_the_rebuild_from_the_command_line(tree, county, tmp_path, clock):
    """A township whose folder is lost, rebuilt with the commands as installed; both checks pass."""
    township, (station, _) = tree
    with county.county.served() as above:
        with BackgroundHub(township.folder, wall=clock) as here:
            take_in(station, description="命令行恢复镇中心前上报的")
            sync(station, here.url)
        sync(township, above.url)
        township.close()
        new, request, answer = tmp_path / "new-township", tmp_path / "req.json", tmp_path / "ans.json"
        cli("recover", "request", "--township-code", township.unit_code, "--out", str(request), "--data-dir", str(new))
        shown = cli(
            "hub", "reapprove", str(request), "--out", str(answer), "--as", "admin",
            "--database", county.county.url, "--data-dir", str(county.folder),
        ).stdout  # fmt: skip
        assert "已重新批准" in shown and township.unit_code in shown
        shown = cli(
            "recover", "--from-hub", above.url, "--answer", str(answer), "--admin", "admin", "--data-dir", str(new),
            env={"HAIAN_DESK_ADMIN_PASSWORD": "new-admin-pw"},
        ).stdout  # fmt: skip
        assert "已恢复镇中心" in shown and "1 件办件" in shown and "重新登记" in shown
    assert cli("check", "--data-dir", str(new)).returncode == 0
    assert cli("hub", "check", "--database", county.county.url).returncode == 0
    desk = Desk.open(new, wall=clock)
    try:
        assert desk.installation.role == "township" and desk.installation.id == township.id
        assert users.authenticate(desk, "admin", "new-admin-pw").role == "admin"
        assert desk.db.scalar("SELECT description FROM cases") == "命令行恢复镇中心前上报的"
    finally:
        desk.close()


# -- refusals: each a plain message, nothing written at the county -----------------------------------


def _county_state(county: PgHubNode) -> tuple:
    peers = county.db.query("SELECT id, sign_key, box_key, status FROM sync_peers ORDER BY id")
    return [tuple(r) for r in peers], county.db.scalar("SELECT count(*) FROM events")


def _signed_request(folder, unit_code: str, role: str) -> dict:
    """A recovery request as ``make_request`` writes it, for a unit and role it would not pair."""
    from sync import enrolment

    own = keymod.load_or_create(folder)
    body = {
        "format": recover.REQUEST,
        "version": enrolment.VERSION,
        "unit_code": unit_code,
        "role": role,
        "sign_key": own.sign_public,
        "box_key": own.box_public,
        "made_at": "2026-03-04T02:00:00Z",
    }
    return enrolment._signed(body, own)


def test_refused_reapprovals_change_nothing_at_the_county(tree, county, tmp_path):
    from sync import enrolment

    township, _ = tree
    before = _county_state(county)
    desk, keys = county.desk, county.keys
    stranger = recover.make_request(tmp_path / "stranger", "320685103", "township")
    with pytest.raises(SyncError, match="本中心没有登记过单位 320685103"):
        recover.reapprove(desk, keys, stranger, "admin")  # type: ignore[arg-type]
    as_station = _signed_request(tmp_path / "as-station", township.unit_code, "station")
    with pytest.raises(SyncError, match="登记的是镇中心，恢复申请却说是代理站"):
        recover.reapprove(desk, keys, as_station, "admin")  # type: ignore[arg-type]
    ordinary = enrolment.make_request(township.desk, township.keys)  # an enrolment, not asking to be rebuilt
    with pytest.raises(SyncError, match="这不是恢复申请文件"):
        recover.reapprove(desk, keys, ordinary, "admin")  # type: ignore[arg-type]
    request = recover.make_request(tmp_path / "new-township", township.unit_code, "township")
    with pytest.raises(SyncError, match="签名不对"):
        recover.reapprove(desk, keys, {**request, "unit_code": "320685103"}, "admin")  # type: ignore[arg-type]
    with pytest.raises(HaianError):
        recover.reapprove(desk, keys, request, "staff")  # type: ignore[arg-type]  # an admin's decision
    assert _county_state(county) == before
    # and the township still syncs with its old keys: nothing was replaced
    with county.county.served() as above:
        assert not sync(township, above.url).rejected


def test_refused_commands_write_nothing(tree, county, tmp_path, pg_url):
    from tests.sync.pg_county import drop_database, new_database

    township, _ = tree
    request, answer = tmp_path / "req.json", tmp_path / "ans.json"
    cli("recover", "request", "--township-code", township.unit_code, "--out", str(request),
        "--data-dir", str(tmp_path / "new"))  # fmt: skip
    before = _county_state(county)

    def refused(*args: str) -> str:
        done = cli("hub", "reapprove", str(request), "--out", str(answer), "--as", "admin", *args, check=False)
        assert done.returncode != 0 and not answer.exists()
        return done.stderr

    name, other = new_database(pg_url)
    try:
        assert "结构是第 0 版" in refused("--database", other, "--data-dir", str(county.folder))  # not a hub
    finally:
        drop_database(pg_url, name)
    assert "postgresql://" in refused("--database", "mysql://nobody@nowhere/db", "--data-dir", str(county.folder))
    assert "没有本中心的同步密钥" in refused("--database", county.county.url, "--data-dir", str(tmp_path / "no-keys"))
    assert not keymod.key_folder(tmp_path / "no-keys").exists()
    keymod.load_or_create(tmp_path / "other-keys")
    assert "密钥不是这个中心" in refused("--database", county.county.url, "--data-dir", str(tmp_path / "other-keys"))
    assert "站点数据目录" in refused("--database", county.county.url, "--data-dir", str(township.folder))
    assert _county_state(county) == before

    used = cli("recover", "request", "--township-code", township.unit_code, "--out", str(tmp_path / "again.json"),
               "--data-dir", str(township.folder), check=False)  # fmt: skip
    assert used.returncode != 0 and "已经有数据库" in used.stderr
    bad_code = cli("recover", "request", "--township-code", "3206851", "--out", str(tmp_path / "bad.json"),
                   "--data-dir", str(tmp_path / "bad"), check=False)  # fmt: skip
    assert bad_code.returncode != 0 and not (tmp_path / "bad.json").exists()


def test_rebuilding_into_a_folder_that_holds_an_installation_is_refused(tree, county, tmp_path, clock):
    township, _ = tree
    folder = tmp_path / "new-township"
    request = recover.make_request(folder, township.unit_code, "township")
    _, answer = recover.reapprove(county.desk, county.keys, request, "admin", "http://127.0.0.1:1")  # type: ignore[arg-type]
    recover.rebuild.fresh_station(folder, answer["for"], clock).close()  # something already made here
    with pytest.raises(HaianError, match="已经有数据库"):
        recover.recover(folder, answer, ("admin", PASSWORD), wall=clock)


def test_the_same_rule_rebuilds_a_township_from_a_county_on_sqlite(tmp_path, clock):
    """The rule is written once: a county kept in SQLite re-approves and answers the same way."""
    county = make_node(tmp_path / "county", COUNTY, "海安市群众事务代理中心", "county", clock)
    township, (station,) = township_with_stations(tmp_path, clock, stations=1)
    enrol(township, county)
    try:
        with BackgroundHub(county.folder, wall=clock) as above:
            with BackgroundHub(township.folder, wall=clock) as here:
                case = take_in(station, description="报到县里的")
                sync(station, here.url)
            sync(township, above.url)
            township.close()
            folder = tmp_path / "new-township"
            request = recover.make_request(folder, township.unit_code, "township")
            _, answer = recover.reapprove(county.desk, county.keys, request, "admin", above.url)
            done = recover.recover(folder, answer, ("admin", PASSWORD), wall=clock)
            new = Node(folder, Desk.open(folder, wall=clock), keymod.load(folder), clock)
            try:
                assert done.cases == 1 and new.desk.installation.role == "township"
                with new.desk.db.read() as conn:
                    assert sync_state.via_of(conn, {station.id}) == {station.id: station.id}
                enrol(station, new)
                with BackgroundHub(folder, wall=clock) as here:
                    take_in(station, description="恢复后报的")
                    sync(station, here.url)
                assert not sync(new, above.url).rejected
                numbers = [r[0] for r in county.desk.db.query("SELECT case_no FROM cases")]
                assert len(numbers) == len(set(numbers)) == 2
                assert county.desk.db.one("SELECT 1 FROM cases WHERE id = ?", (case,))
                assert run_check(county.desk).ok and run_check(new.desk).ok
            finally:
                new.close()
    finally:
        for node in (county, station):
            node.close()
