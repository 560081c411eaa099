"""Dated phases: staff set the dates (checked), the server's clock decides the phase, and the
phase decides what each role may do; "candidatures suffisantes" follow campaign settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from server_stub.core import clock
from server_stub.matching.phases import required_applications
from server_stub.matching.schemas import ThresholdRule
from tests.conftest import LiveServer
from tests.server.conftest import error
from tests.server.test_matching_helpers import World, build_world, iso

T0 = datetime(2027, 3, 4, 8, 0, tzinfo=UTC)  # applications open (Paris 9:00)


@pytest.fixture
def world(live_server: LiveServer, client: httpx.Client) -> World:
    return build_world(live_server, client)


def schedule(w: World) -> None:
    """Round 1 as in the seed's calendar: applications 4–7 March, ranking 8–12, results 13."""
    r = w.client.patch(f"/api/matching/rounds/{w.rounds[1]}", headers=w.staff.h, json={
        "applications_opens_at": "2027-03-04T09:00:00+01:00",
        "applications_closes_at": "2027-03-08T00:00:00+01:00",
        "ranking_opens_at": "2027-03-08T00:00:00+01:00",
        "ranking_closes_at": "2027-03-13T00:00:00+01:00",
        "results_at": "2027-03-13T09:00:00+01:00"})
    assert r.status_code == 200, r.text
    rnd = r.json()["waves"][0]["rounds"][0]
    assert rnd["applications_opens_at"] == "2027-03-04T08:00:00Z"  # stored in UTC
    r = w.client.patch(f"/api/matching/rounds/{w.rounds[2]}", headers=w.staff.h, json={
        "applications_opens_at": "2027-03-14T09:00:00+01:00",
        "applications_closes_at": "2027-03-16T00:00:00+01:00",
        "ranking_opens_at": "2027-03-16T00:00:00+01:00",
        "ranking_closes_at": "2027-03-19T00:00:00+01:00",
        "results_at": "2027-03-25T09:00:00+01:00"})
    assert r.status_code == 200, r.text
    r = w.client.patch(f"/api/matching/rounds/{w.rounds[3]}", headers=w.staff.h, json={
        "opens_at": "2027-03-26T09:00:00+01:00", "closes_at": "2027-03-28T18:00:00+01:00"})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("moment, phase", [
    (T0 - timedelta(seconds=1), "upcoming"),
    (T0, "applications"),
    (datetime(2027, 3, 7, 22, 59, 59, tzinfo=UTC), "applications"),
    (datetime(2027, 3, 7, 23, 0, tzinfo=UTC), "ranking"),  # closing times are excluded
    (datetime(2027, 3, 12, 22, 59, tzinfo=UTC), "ranking"),
    (datetime(2027, 3, 12, 23, 0, tzinfo=UTC), "awaiting_results"),
])
def test_the_clock_decides_the_phase(world: World, monkeypatch: pytest.MonkeyPatch,
                                     moment: datetime, phase: str) -> None:
    w = world
    schedule(w)
    monkeypatch.setattr(clock, "now", lambda: moment)
    body = w.client.get(w.base, headers=w.stu["s1"].h).json()
    assert body["server_time"] == moment.isoformat().replace("+00:00", "Z")
    assert body["waves"][0]["rounds"][0]["phase"] == phase
    applications = w.client.get(f"{w.base}/applications", headers=w.stu["s1"].h).json()
    assert applications["can_edit"] is (phase == "applications")
    r = w.apply("s1", "P1", "P2")
    assert r.status_code == (200 if phase == "applications" else 409), r.text
    if phase != "applications":
        assert error(r)["code"] == "phase_closed"
        assert "du 04/03/2027 08:00 au 07/03/2027 23:00 UTC" in error(r)["message"]


def test_the_current_round_moves_with_time(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    w = world
    body = w.client.get(w.base, headers=w.staff.h).json()
    round2 = body["waves"][0]["rounds"][1]
    starts = datetime.fromisoformat(round2["applications_opens_at"])
    monkeypatch.setattr(clock, "now", lambda: starts + timedelta(minutes=1))
    wave = w.client.get(w.base, headers=w.staff.h).json()["waves"][0]
    assert wave["current_round_id"] == w.rounds[2]
    assert w.client.get(f"{w.base}/applications",
                        headers=w.stu["s1"].h).json()["round_number"] == 2


@pytest.mark.parametrize("dates, field, words", [
    ({"applications_opens_at": "2027-03-05T00:00:00Z",
      "applications_closes_at": "2027-03-04T00:00:00Z"}, "applications_closes_at",
     "ne peut pas précéder"),
    ({"ranking_opens_at": "2027-03-08T00:00:00"}, "ranking_opens_at", "fuseau horaire"),
    ({"opens_at": "2027-03-08T00:00:00Z"}, "opens_at", "tour sur la plateforme"),
])
def test_bad_schedules_are_refused(world: World, dates: dict, field: str, words: str) -> None:
    r = world.client.patch(f"/api/matching/rounds/{world.rounds[1]}", json=dates,
                           headers=world.staff.h)
    assert r.status_code == 422
    assert (error(r)["code"], error(r)["field"]) == ("invalid_schedule", field)
    assert words in error(r)["message"]
    rounds = world.client.get(world.base, headers=world.staff.h).json()["waves"][0]["rounds"]
    assert rounds[0]["phase"] == "applications"  # nothing written


def test_round_numbers_and_published_rounds(world: World) -> None:
    w = world
    r = w.client.post(f"/api/matching/waves/{w.wave_id}/rounds", json={"number": 2},
                      headers=w.staff.h)
    assert r.status_code == 409 and error(r)["code"] == "round_exists"
    assert w.apply("s1", "P1").status_code == 200
    w.phase(1, "awaiting_results")
    assert w.client.post(f"/api/matching/rounds/{w.rounds[1]}/run",
                         headers=w.staff.h).status_code == 200
    assert w.client.post(f"/api/matching/rounds/{w.rounds[1]}/publish",
                         headers=w.staff.h).status_code == 200
    r = w.client.patch(f"/api/matching/rounds/{w.rounds[1]}",
                       json={"results_at": iso(datetime.now(UTC))}, headers=w.staff.h)
    assert r.status_code == 409 and error(r)["code"] == "round_published"


def test_thresholds_are_campaign_settings(world: World) -> None:
    w = world
    r = w.apply("s1", "P1")
    assert (r.json()["required"], r.json()["enough"]) == (2, False)
    # Every LYON cardiology post (3) required in round 1.
    r = w.client.patch(w.base, headers=w.staff.h, json={"settings": {"thresholds": [
        {"round_number": 1, "share": 1.0, "minimum": 0}]}})
    assert r.status_code == 200
    assert r.json()["settings"]["thresholds"] == [{"round_number": 1, "share": 1.0,
                                                   "minimum": 0}]
    r = w.client.get(f"{w.base}/applications", headers=w.stu["s1"].h).json()
    assert (r["open_posts"], r["required"]) == (3, 3)
    # Counted nationally, GRENOBLE's post counts for a LYON student too.
    w.client.patch(w.base, headers=w.staff.h, json={"settings": {"threshold_scope": "national"}})
    r = w.client.get(f"{w.base}/applications", headers=w.stu["s1"].h).json()
    assert (r["open_posts"], r["required"]) == (4, 4)
    r = w.client.patch(w.base, headers=w.staff.h,
                       json={"settings": {"thresholds": [{"round_number": 1, "share": 2}]}})
    assert r.status_code == 422


@given(share=st.floats(0, 1), minimum=st.integers(0, 20), open_posts=st.integers(0, 500))
def test_required_applications(share: float, minimum: int, open_posts: int) -> None:
    rule = ThresholdRule(round_number=1, share=share, minimum=minimum)
    need = required_applications(rule, open_posts)
    assert need >= max(minimum, 1)
    assert need >= share * open_posts - 1e-6  # at least the share of open posts
    assert need == max(minimum, 1) or need - 1 < share * open_posts + 1e-6  # and no more
