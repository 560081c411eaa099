"""Endurance: a student's client open through a whole live national amphitheatre.

Two thousand students pass before him at an accelerated pace (the server's simulated
participants, each validating his first feasible wish), so the client lives through
thousands of turn events and simulation moves, pushed by the server. Along the way the
turn panel only moves forward and only towards red; at his turn he answers his secret
question and validates in three steps. Nothing Qt prints, and the client's widgets and
objects stay flat (memory is sampled too: see bench/bench_amphi_client_live.py for the
10-minute figures).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from desktop.ui.confirmation import FinalDialog, IrrevocableDialog
from desktop.ui.national.turn_panel import RED
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.endurance import Probe, qt_messages
from tests.desktop.national_helpers import (
    OFFER,
    SECRET,
    SPECIALTIES,
    SUBDIVISIONS,
    area,
    campaign,
    give_everyone_wishes,
    open_main,
)

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]

BEFORE_ME = 2000
AFTER_ME = 10
def test_a_student_client_lives_through_a_whole_national_amphitheatre_by_the_clock(
        qtbot: QtBot, arun: Run, make_app: MakeApp,
        server_factory: Callable[..., RestartableServer]) -> None:
    server = server_factory(demo_national_participants=True, demo_seconds_per_student=0.005,
                            demo_seconds_near_turn=0.3, demo_near_turn_students=8,
                            national_event_seconds=0.5)
    mine = BEFORE_ME + 1
    students = [(rank, "general", rank == mine) for rank in range(1, mine + AFTER_ME + 1)]
    c = campaign(server, students, offer=OFFER)
    give_everyone_wishes(server, c.id, skip=mine)
    me = c.students[mine]
    my_cells = [c.cell(sub, spec) for spec in SPECIALTIES for sub in SUBDIVISIONS]
    assert c.put_wishes(me, my_cells).status_code == 200
    events: list[str] = []
    probe = Probe()

    async def scenario() -> None:
        app = make_app(server.url)
        window = await open_main(qtbot, app, me.email or "")
        app.live.event_received.connect(lambda kind, _event, _id: events.append(kind))
        national = area(window)
        window.show_page("national_wishes")
        view = national.wishes_view
        panel = view.turn_panel
        await until(lambda: view.student is not None and view.student.me is not None)

        r = c.staff_post("/staff/amphi/start")
        assert r.status_code == 200, r.text
        await until(lambda: panel.isVisible() and panel.turn is not None, timeout=20)
        seen: list[tuple[int, float]] = []  # (people before me, redness)
        while not panel.my_turn:
            colour = panel.colour
            seen.append((panel.people_before, colour.redF() - colour.blueF()))
            probe.sample(1 - panel.people_before / BEFORE_ME)
            assert len(probe.samples) < 1200, "the amphitheatre stalled"
            await asyncio.sleep(0.5)
        probe.sample(1.0)
        # The panel only moves forward and only towards red, all the way.
        befores = [b for b, _ in seen]
        assert befores == sorted(befores, reverse=True), befores
        assert befores[0] > BEFORE_ME * 0.9 and len(set(befores)) > 20
        rednesses = [r for _, r in seen]
        assert all(b >= a - 1e-9 for a, b in zip(rednesses, rednesses[1:], strict=False))
        await until(lambda: panel.colour == RED)

        # His turn: the secret answer, then the three steps.
        await until(lambda: panel.secret_row.isVisible())
        panel.secret_edit.setText(SECRET)
        panel.enter_button.click()
        await until(lambda: panel.take_button.isVisible() and panel.take_button.isEnabled())
        qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.steps is not None
                    and isinstance(view.steps.current, IrrevocableDialog))
        step2 = view.steps.current  # type: ignore[union-attr]
        assert isinstance(step2, IrrevocableDialog)
        qtbot.mouseClick(step2.confirm_button, Qt.MouseButton.LeftButton)
        await until(lambda: isinstance(view.steps.current, FinalDialog))  # type: ignore[union-attr]
        qtbot.mouseClick(view.steps.current.ok_button,  # type: ignore[union-attr]
                         Qt.MouseButton.LeftButton)
        await until(lambda: view.assignment_card.isVisible(), timeout=20)
        assert c.me(me)["outcome"] == "validated"
        # The students after him pass too; the window keeps following.
        await until(lambda: c.get("/radar").json()["remaining"] == 0, timeout=60)
        await asyncio.sleep(1.0)
        probe.sample(1.0)

    with qt_messages() as qt:
        arun(scenario(), timeout=900)
    assert qt.messages == []
    turns = events.count("turn_started")
    assert turns >= BEFORE_ME, (turns, len(events))
    # Flat: from a quarter of the way to the end, no widget and few objects are gained.
    rss, widgets, objects = probe.growth(0.25)
    print("endurance national:", len(events), "events,", turns, "turns;",
          [(round(x.progress, 2), (x.rss or 0) >> 20, x.widgets, x.objects)
           for x in probe.samples[::max(1, len(probe.samples) // 12)]])
    assert widgets <= 5, [s.widgets for s in probe.samples]
    assert objects < 20_000, [s.objects for s in probe.samples]
    if rss is not None:
        assert rss < 60 * 2**20, [s.rss for s in probe.samples]
