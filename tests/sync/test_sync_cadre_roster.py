"""A station's roster changes travel up by USB file like every other event; the hub folds them the same."""

from __future__ import annotations

from haian_desk.people import cadres
from tests.sync.helpers import by_file


def test_a_retired_cadre_is_retired_at_the_township_too(network, tmp_path):
    hub, (station, _) = network
    cid = cadres.add(
        station.desk,
        "admin",
        cadres.CadreInput(
            name="许秀兰", phone="13906271222", unit_code=station.unit_code, role="联络员", party_member=False
        ),
    )
    cadres.retire(station.desk, "admin", cid, reason="调任")
    by_file(station, hub, tmp_path / "stick")
    here, there = (dict(cadres.as_json(cadres.get(n.desk, cid))) for n in (station, hub))
    assert there == here and there["active"] is False and there["role"] == "liaison"
