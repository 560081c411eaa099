"""Amphitheatre choice: what runs while the app serves — the turn clock (deadlines,
openings) and, in demo mode, the simulated interns (`amphi.demo`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from server_stub.amphi import live as amphi_live


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The turn clock (deadlines, openings) and, in demo mode, the simulated interns."""
    settings = app.state.settings
    clock = amphi_live.TurnClock(app.state.sessionmaker, settings, app.state.leadership)
    clock.start()
    simulation = None
    if settings.demo_simulated_participants:
        from server_stub.amphi.demo import Simulation

        simulation = Simulation(app.state.sessionmaker, settings, app.state.mailer,
                                app.state.leadership)
        simulation.start()
    try:
        yield
    finally:
        if simulation is not None:
            await simulation.stop()
        await clock.stop()
