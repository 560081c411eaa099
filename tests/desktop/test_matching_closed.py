"""« Application fermée » against a real server: while nothing of the matching is open to
him, a junior doctor (or a supervisor) sees the next opening dates, not an empty screen;
once a phase opens, his usual screen comes back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.ui.matching.closed_page import is_closed, next_openings
from desktop.ui.matching.posts_view import MyPostsView
from desktop.ui.matching.student_view import StudentView
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.matching_helpers import close, service_for
from tests.server.test_matching_helpers import build_world

Run = Any


@pytest.fixture
def world(server: RestartableServer) -> Any:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield build_world(server.live, client, phase="upcoming")


def test_student_sees_the_next_openings_until_applications_open(
        qtbot: Any, arun: Run, world: Any, server: RestartableServer, tmp_path: Path) -> None:
    who = world.stu["s1"]
    service = service_for(server.url, who.token, who.email, tmp_path / "s1")
    view = StudentView(service)
    qtbot.addWidget(view)
    view.resize(1030, 640)
    view.show()

    async def scenario() -> None:
        await until(lambda: view.pages.currentWidget() is view.closed,
                    message="no closed page")
        campaign = service.campaign
        assert campaign is not None and is_closed(campaign, supervisor=False)
        assert view.closed.card.title.text() == "Application fermée"
        text = view.closed.dates.text()
        assert "tour 1 : ouverture des candidatures" in text
        assert "tour 2 : ouverture des candidatures" in text
        assert "ouverture du classement" not in text  # the supervisors' dates
        soonest = next_openings(campaign, supervisor=False)[0]
        assert soonest[0] == campaign.waves[0].rounds[0].applications_opens_at
        assert view.closed.timer.isActive()
        world.phase(1, "applications")
        view.closed.refresh_button.click()
        await until(lambda: view.pages.currentWidget() is view.tabs,
                    message="the tabs did not come back")
        await until(lambda: view.posts_model.rowCount() > 0, message="no posts")

    try:
        arun(scenario(), timeout=60)
    finally:
        arun(close(service))


def test_supervisor_closed_until_mes_postes_opens(
        qtbot: Any, arun: Run, world: Any, server: RestartableServer, tmp_path: Path) -> None:
    who = world.sup["A"]
    service = service_for(server.url, who.token, who.email, tmp_path / "a")
    view = MyPostsView(service)
    qtbot.addWidget(view)
    view.resize(1030, 640)
    view.show()
    t = datetime.now(UTC)
    # « Mes postes » (open while undated) opens tomorrow.
    r = world.client.patch(f"/api/matching/waves/{world.wave_id}", headers=world.staff.h,
                           json={"posts_opens_at": (t + timedelta(days=1)).isoformat(),
                                 "posts_closes_at": (t + timedelta(days=2)).isoformat()})
    assert r.status_code == 200, r.text

    async def scenario() -> None:
        await until(lambda: view.currentWidget() is view.closed_page,
                    message="no closed page")
        text = view.closed.dates.text()
        assert "tour 1 : ouverture du classement" in text
        assert "ouverture de « Mes postes »" in text
        assert "aux responsables de terrain de stage" in view.closed.message.text()
        r = world.client.patch(f"/api/matching/waves/{world.wave_id}", headers=world.staff.h,
                               json={"posts_opens_at": (t - timedelta(hours=1)).isoformat(),
                                     "posts_closes_at": (t + timedelta(days=1)).isoformat()})
        assert r.status_code == 200, r.text
        view.closed.refresh_button.click()
        await until(lambda: view.currentWidget() is view.cards_page and view.card_widgets(),
                    message="the cards did not come back")

    try:
        arun(scenario(), timeout=60)
    finally:
        arun(close(service))
