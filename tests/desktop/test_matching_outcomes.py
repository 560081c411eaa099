"""Round 3 off the platform, against a real server: the coordinator picks a student and a
post of his specialty with places left, records; refusals show next to the form, which
keeps what was typed; a recorded outcome can be deleted; then the round is published and
the student sees his result."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.models import ItemRole
from desktop.ui.matching.coordinator_view import CoordinatorView
from desktop.ui.matching.outcomes_view import NO_POST
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.matching_helpers import close, ranking_world, service_for
from tests.server.test_matching_helpers import iso

Run = Any


@pytest.fixture
def world(server: RestartableServer) -> Any:
    """Round 1 run and published (s1 → P1), round 2 published empty, round 3 open."""
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        w = ranking_world(server.live, client)
        assert w.rank("A", "P1", ["s1", "s3", "s2", "s4"], ["s5"]).status_code == 200
        w.phase(1, "awaiting_results")
        for number in (1, 2):
            if number == 2:
                w.phase(2, "awaiting_results")
            rid = w.rounds[number]
            r = client.post(f"/api/matching/rounds/{rid}/run", headers=w.staff.h)
            assert r.status_code == 200, r.text
            r = client.post(f"/api/matching/rounds/{rid}/publish", headers=w.staff.h)
            assert r.status_code == 200, r.text
        t = datetime.now(UTC)
        r = client.patch(f"/api/matching/rounds/{w.rounds[3]}", headers=w.staff.h,
                         json={"opens_at": iso(t - timedelta(minutes=30)),
                               "closes_at": iso(t + timedelta(days=1))})
        assert r.status_code == 200, r.text
        yield w


def outcome_rows(view: CoordinatorView) -> list[Any]:
    tab = view.outcomes
    return [tab.proxy.index(r, 0).data(ItemRole) for r in range(tab.proxy.rowCount())]


def post_ids(tab: Any) -> list[Any]:
    return [tab.post.itemData(i) for i in range(tab.post.count())]


def test_coordinator_types_round_3_outcomes_then_publishes(
        qtbot: Any, qtmodeltester: Any, arun: Run, world: Any, server: RestartableServer,
        tmp_path: Path) -> None:
    c = world.coordinator
    service = service_for(server.url, c.token, c.email, tmp_path / "coordo")
    view = CoordinatorView(service)
    qtbot.addWidget(view)
    view.resize(1400, 820)
    view.show()
    view.confirm = lambda _text: True
    tab = view.outcomes

    async def scenario() -> None:
        await until(lambda: view.campaign is not None and len(tab.students) > 0,
                    message="outcomes tab not loaded")
        assert view.selected_round() is not None and view.selected_round().number == 3
        assert view.tabs.isTabVisible(view.outcomes_index)
        assert view.tabs.currentWidget() is tab
        assert view.publish_button.isEnabled() and not view.run_button.isVisibleTo(view)
        # s1, placed in round 1, is not offered; the five others are.
        offered = {tab.student.itemData(i) for i in range(tab.student.count())}
        assert world.cand["s1"] not in offered and len(offered) == 5
        assert not tab.post.isEnabled()
        # Search by typing part of a name, pick with the keyboard.
        tab.student.setFocus()
        QTest.keyClicks(tab.student.lineEdit(), "interneS6")
        popup = tab.student.completer().popup()
        await until(lambda: popup.isVisible() and popup.model().rowCount() == 1)
        QTest.keyClick(popup, Qt.Key.Key_Down)
        QTest.keyClick(popup, Qt.Key.Key_Return)
        await until(lambda: tab.selected_student() is not None)
        assert tab.selected_student().candidate_id == world.cand["s6"]
        # Pneumology: only P5 (and "no post"); cardiology posts are not offered.
        assert post_ids(tab) == [NO_POST, world.post["P5"]]
        assert tab.post.currentData() == world.post["P5"]
        tab.record()
        await until(lambda: len(outcome_rows(view)) == 1, message="not recorded")
        qtmodeltester.check(tab.model)
        row = outcome_rows(view)[0]
        assert (row.candidate.id, row.post.id, row.source) == (
            world.cand["s6"], world.post["P5"], "manual")
        assert "Enregistré" in view.banner.text and tab.error.text() == ""
        # P1 was filled by round 1: s3 (cardiology) is offered P2, P3, P4 but not P1.
        tab.student.setCurrentIndex(tab.student.findData(world.cand["s3"]))
        assert world.post["P1"] not in post_ids(tab)
        assert {world.post["P2"], world.post["P3"], world.post["P4"]} <= set(post_ids(tab))
        tab.post.setCurrentIndex(tab.post.findData(world.post["P3"]))
        tab.record()
        await until(lambda: len(outcome_rows(view)) == 2)
        # Someone else fills P4 meanwhile: the refusal shows next to the kept form.
        r = world.client.put(
            f"/api/matching/rounds/{world.rounds[3]}/outcomes/{world.cand['s4']}",
            json={"post_id": world.post["P4"]}, headers=world.staff.h)
        assert r.status_code == 200, r.text
        tab.student.setCurrentIndex(tab.student.findData(world.cand["s5"]))
        tab.post.setCurrentIndex(tab.post.findData(world.post["P4"]))
        tab.record()
        await until(lambda: tab.error.text() != "", message="no refusal shown")
        assert "plus de place" in tab.error.text()
        assert tab.selected_student().candidate_id == world.cand["s5"]
        assert tab.post.currentData() == world.post["P4"]
        # "No post" is an outcome too.
        tab.post.setCurrentIndex(tab.post.findData(NO_POST))
        tab.record()
        await until(lambda: len(outcome_rows(view)) == 4)
        assert tab.error.text() == ""
        s5 = next(r for r in outcome_rows(view) if r.candidate.id == world.cand["s5"])
        assert s5.post is None
        if os.environ.get("MATCHING_SHOTS"):  # to look at it: see shots_matching.py
            await asyncio.sleep(0.3)
            Path("/tmp/shots-matching").mkdir(exist_ok=True)
            view.grab().save("/tmp/shots-matching/12-round3-outcomes.png")
        # Delete s3's outcome with the keyboard (select, Delete).
        for i, r in enumerate(outcome_rows(view)):
            if r.candidate.id == world.cand["s3"]:
                tab.table.selectRow(i)
        assert tab.delete_button.isEnabled()
        tab.table.setFocus()
        QTest.keyClick(tab.table, Qt.Key.Key_Delete)
        await until(lambda: len(outcome_rows(view)) == 3, message="not deleted")
        assert world.cand["s3"] not in {r.candidate.id for r in outcome_rows(view)}
        # Publish the round: the form locks, the student sees his result.
        view.publish_round()
        await until(lambda: "publiés" in view.banner.text)
        await until(lambda: not tab.record_button.isEnabled())
        assert not view.publish_button.isEnabled()
        mine = world.client.get(f"{world.base}/results", headers=world.stu["s6"].h).json()
        assert [(r["round_number"], r["post"]["id"]) for r in mine["rows"]] == [
            (3, world.post["P5"])]
        await close(service)

    arun(scenario(), timeout=90)


def test_outcomes_tab_follows_the_selected_round(
        qtbot: Any, arun: Run, world: Any, server: RestartableServer, tmp_path: Path) -> None:
    """The tab only shows for round 3; switching rounds hides it."""
    c = world.coordinator
    service = service_for(server.url, c.token, c.email, tmp_path / "coordo")
    view = CoordinatorView(service)
    qtbot.addWidget(view)
    view.show()

    async def scenario() -> None:
        await until(lambda: view.campaign is not None and len(view.outcomes.students) > 0)
        view.round_combo.setCurrentIndex(view.round_combo.findData(world.rounds[1]))
        assert not view.tabs.isTabVisible(view.outcomes_index)
        # The server refuses outcomes outside an off-platform round.
        r = world.client.put(
            f"/api/matching/rounds/{world.rounds[2]}/outcomes/{world.cand['s6']}",
            json={"post_id": None}, headers=c.h)
        assert r.status_code == 409 and r.json()["error"]["code"] == "on_platform_round"
        view.round_combo.setCurrentIndex(view.round_combo.findData(world.rounds[3]))
        assert view.tabs.isTabVisible(view.outcomes_index)
        await close(service)

    arun(scenario(), timeout=60)




def test_round_3_entry_waits_for_earlier_rounds_and_says_so(
        qtbot: Any, arun: Run, server: RestartableServer, tmp_path: Path) -> None:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        w = ranking_world(server.live, client)
    c = w.coordinator
    service = service_for(server.url, c.token, c.email, tmp_path / "coordo")
    view = CoordinatorView(service)
    qtbot.addWidget(view)
    view.show()

    async def scenario() -> None:
        await until(lambda: view.campaign is not None)
        view.round_combo.setCurrentIndex(view.round_combo.findData(w.rounds[3]))
        tab = view.outcomes
        await until(lambda: len(tab.students) == 6)
        assert view.tabs.isTabVisible(view.outcomes_index)
        assert not view.publish_button.isEnabled()
        assert not tab.student.isEnabled() and not tab.record_button.isEnabled()
        assert "des tours 1 et 2 auront été publiés" in tab.intro.text()
        assert "publiez d'abord les résultats des tours 1 et 2" in view.action_hint.text()
        await close(service)

    arun(scenario(), timeout=60)
