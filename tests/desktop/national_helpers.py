"""Helpers of the national client tests: a small campaign built by the staff API, sign-in.

The campaign is made the way staff make it (the server tests' `build_campaign`: create,
import the offer and the ranked students as CSV, set the state); the desktop client then
signs in through its real sign-in dialog.
"""

from __future__ import annotations

import random
from typing import Any

import httpx
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from desktop.app import AmphiApp
from desktop.areas.national import NationalArea
from desktop.ui.main_window import MainWindow
from server_stub.models import NationalCell, NationalStudent, Wish
from tests.desktop.conftest import PASSWORD, RestartableServer, until
from tests.server.test_national import Campaign, Student, build_campaign

__all__ = ["Campaign", "Student", "campaign", "open_main", "area", "SECRET", "OFFER",
           "SUBDIVISIONS", "SPECIALTIES", "give_everyone_wishes"]

SECRET = "Brest"  # the secret answer of the server tests' people


def campaign(server: RestartableServer, students: list[tuple[int, str, bool]],
             **kwargs: Any) -> Campaign:
    """A national campaign on `server` (students: (rank, pool, has_account))."""
    assert server.live is not None
    client = httpx.Client(base_url=server.url, timeout=30)
    return build_campaign(server.live, client, students=students, **kwargs)


async def open_main(qtbot: QtBot, app: AmphiApp, email: str) -> MainWindow:
    """Start the client, sign in through the dialog, wait for the live stream."""
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.main_window is not None and app.main_window.isVisible())
    window = app.main_window
    assert window is not None
    await until(lambda: app.live.is_connected)
    return window


def area(window: MainWindow) -> NationalArea:
    found = window.national_area  # type: ignore[attr-defined]
    assert isinstance(found, NationalArea)
    return found


# A bigger offer, for long runs: 30 cells, 2,400 posts.
SUBDIVISIONS = ["LYON", "REIMS", "BREST", "GRENOBLE", "NANTES", "LILLE"]
SPECIALTIES = ["Cardiologie", "Pédiatrie", "Médecine générale", "Psychiatrie", "Anesthésie"]
# 30 cells, 2,400 posts: everyone before me gets something, and so do I.
OFFER = [(sub, spec, 80, "general") for sub in SUBDIVISIONS for spec in SPECIALTIES]


def give_everyone_wishes(server: RestartableServer, campaign_id: int, skip: int) -> None:
    """Five wishes for each simulated student, written straight into the database (they
    have no account to send them with), then a restart so the server reads them."""
    assert server.live is not None
    rng = random.Random(7)
    with server.live.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        cells = list(session.scalars(select(NationalCell.id).where(
            NationalCell.campaign_id == campaign_id)))
        candidates = list(session.scalars(select(NationalStudent.id).where(
            NationalStudent.campaign_id == campaign_id, NationalStudent.rank != skip)))
        rows = [{"candidate_id": cand, "cell_id": cell, "position": position}
                for cand in candidates
                for position, cell in enumerate(rng.sample(cells, 5), start=1)]
        session.execute(insert(Wish), rows)
        session.commit()
    server.stop()
    server.start()
