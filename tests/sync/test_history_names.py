"""A matter's history names each step after the person who took it, wherever it is read: login
names repeat between installations (every station and centre has a "staff"), so the township's
step must not be shown, at the station, under the name of the station's own login of that name."""

from __future__ import annotations

from haian_desk.cases import inbox, presentation
from haian_desk.people import users
from tests.sync.helpers import PASSWORD, act, by_file, take_in, township_with_stations


def test_each_step_is_named_after_who_took_it_at_every_level(tmp_path, clock):
    township, (station,) = township_with_stations(tmp_path, clock, 1)
    users.add_user(station.desk, "head", "站长赵敏", "station_head", PASSWORD, actor="admin")
    users.add_user(township.desk, "head", "镇中心李强", "township_staff", PASSWORD, actor="admin")
    case_id = take_in(station, description="反映3组路灯不亮")
    act(station, case_id, "transferred", to_level="township", to_unit=township.desk.installation.unit_name)
    by_file(station, township, tmp_path)
    inbox.take_up(township.desk, "head", case_id)
    by_file(station, township, tmp_path)

    at_township = [(line.what, line.who) for line in presentation.case_view(township.desk, case_id, clock()).timeline]
    assert ("上级接收", "镇中心李强") in at_township
    at_station = [(line.what, line.who) for line in presentation.case_view(station.desk, case_id, clock()).timeline]
    # The township's logins do not travel down to its stations: the step keeps its login name,
    # never the name of the station's own "head", who took no step.
    assert ("上级接收", "head") in at_station
    assert "站长赵敏" not in {who for _, who in at_station + at_township}
    township.close()
    station.close()
