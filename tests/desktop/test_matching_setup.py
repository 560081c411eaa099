"""The agency's set-up screen against a real server: calendar (waves, rounds, dates),
imports with every rejected line shown, posts « validé par l'ARS », invitations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.models import ItemRole
from desktop.ui.matching.common import PARIS
from desktop.ui.matching.setup_view import DatesDialog, SetupView, from_qt, span, to_qt
from tests.desktop.conftest import (
    RestartableServer,
    add_person,
    clipped_headers,
    latest_mail,
    until,
)
from tests.desktop.matching_helpers import close, service_for
from tests.server.conftest import login
from tests.server.test_matching_helpers import build_world

Run = Any


@pytest.fixture
def world(server: RestartableServer) -> Any:
    assert server.live is not None
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield build_world(server.live, client)


def posts(view: SetupView) -> dict[str, Any]:
    model = view.posts_model
    return {p.number: p for p in model.rows}


def test_staff_import_validate_and_invite(qtbot: Any, qtmodeltester: Any, arun: Run,
                                          world: Any, server: RestartableServer,
                                          tmp_path: Path) -> None:
    assert server.live is not None
    staff = world.staff
    service = service_for(server.url, staff.token, staff.email, tmp_path / "staff")
    view = SetupView(service)
    qtbot.addWidget(view)
    view.resize(1030, 640)
    view.show()
    supervisors = tmp_path / "rts.csv"
    supervisors.write_bytes(
        "Nom;Prénom;Adresse électronique\n"
        "Bernard;Hélène;helene.bernard@chu.example.org\n"
        "Sans;Adresse;\n".encode("cp1252"))
    offer = tmp_path / "postes.csv"
    offer.write_text(
        "Numéro,Spécialité,Libellé,Établissement,Subdivision,RTS,Places\n"
        "NEW1,Cardiologie,Cardiologie interventionnelle,CHU Lyon,LYON,"
        "helene.bernard@chu.example.org,2\n"
        "NEW2,Cardiologie,Sans responsable,CHU Lyon,LYON,personne@nulle.part,1\n",
        encoding="utf-8")

    async def scenario() -> None:
        await until(lambda: len(view.posts_model.rows) == 5
                    and len(view.members_model.rows) == 4, message="set-up not loaded")
        qtmodeltester.check(view.posts_model)
        qtmodeltester.check(view.members_model)
        assert view.tree.topLevelItemCount() == 1
        assert view.tree.topLevelItem(0).childCount() == 3
        assert not clipped_headers(view.posts_table)

        # Supervisors, then posts naming them: the bad lines listed with their reasons.
        view.tabs.setCurrentIndex(1)
        report = await view.import_file("supervisors", supervisors)
        assert report is not None and (report.created, report.invited) == (1, 1)
        assert view.rejected_table.isVisible()
        assert [r.line for r in view.rejected_model.rows] == [3]
        assert "adresse électronique invalide" in view.rejected_model.rows[0].reason
        assert "1 refusée(s)" in view.report_label.text()
        assert "invitation" in latest_mail(server.live, "helene.bernard@chu.example.org")[
            "Subject"]
        view.dry_run.setChecked(True)
        report = await view.import_file("posts", offer)
        assert report is not None and report.dry_run and "NEW1" not in posts(view)
        assert "rien n'a été importé" in view.report_label.text()
        view.dry_run.setChecked(False)
        report = await view.import_file("posts", offer)
        assert report is not None and report.created == 1
        assert "aucun RTS connu" in view.rejected_model.rows[0].reason
        assert posts(view)["NEW1"].validated is False

        # « Validé par l'ARS »: the new post, selected in the table.
        view.tabs.setCurrentIndex(2)
        view.pending_only.setChecked(True)
        assert view.posts_proxy.rowCount() == 1
        view.posts_table.selectRow(0)
        assert await view.validate_selected(True) == 1
        assert posts(view)["NEW1"].validated is True
        stored = await service.api.get_matching_post(posts(view)["NEW1"].id)
        assert stored.validated is True
        assert "6 validé(s)" in view.posts_count.text()

        # An invitation; the members' table shows who never came.
        view.tabs.setCurrentIndex(3)
        assert await view.invite("coordo.deux@univ.example.org", "coordinator") is None
        assert "nom et le prénom" in view.banner.label.text()
        member = await view.invite("coordo.deux@univ.example.org", "coordinator", "Anne",
                                   "Deux")
        assert member is not None and member.role == "coordinator"
        names = [m.email for m in view.members_model.rows]
        assert "coordo.deux@univ.example.org" in names
        assert "jamais connecté" in view.members_count.text()
        assert "coordonnateur" in latest_mail(server.live, "coordo.deux@univ.example.org"
                                              ).get_body(preferencelist=("plain",)
                                                         ).get_content()  # type: ignore[union-attr]

    try:
        arun(scenario(), timeout=60)
    finally:
        arun(close(service))


def test_staff_build_a_calendar_from_nothing(qtbot: Any, arun: Run,
                                             server: RestartableServer,
                                             tmp_path: Path) -> None:
    assert server.live is not None
    add_person(server.live, role="staff", email="agent@ars.example.org", ine=None)
    with httpx.Client(base_url=server.url, timeout=10) as client:
        token = login(client, "agent@ars.example.org")
    service = service_for(server.url, token, "agent@ars.example.org", tmp_path / "staff")
    view = SetupView(service)
    qtbot.addWidget(view)
    view.resize(1030, 640)
    view.show()
    t = datetime.now(UTC).replace(second=0, microsecond=0)
    day = timedelta(days=1)

    async def scenario() -> None:
        await until(lambda: view.empty.isVisible(), message="no empty state")
        assert not view.tabs.isVisible()
        assert await view.create_campaign("Appariement 2027")
        await until(lambda: view.tabs.isVisible())
        assert view.campaign is not None and view.campaign.state == "draft"
        assert view.calendar_empty.isVisible()
        assert await view.add_wave("Vague 1", posts_opens_at=t + day,
                                   posts_closes_at=t + 3 * day)
        wave_id = view.campaign.waves[0].id
        assert await view.add_round(wave_id, 1, False, applications_opens_at=t + 4 * day,
                                    applications_closes_at=t + 6 * day,
                                    ranking_opens_at=t + 7 * day,
                                    ranking_closes_at=t + 9 * day, results_at=t + 10 * day)
        assert await view.add_round(wave_id, 3, True, opens_at=t + 20 * day,
                                    closes_at=t + 21 * day)
        wave = view.tree.topLevelItem(0)
        assert wave.childCount() == 2 and "Tour 3 (hors plateforme)" == wave.child(1).text(0)
        assert wave.child(0).text(1) == "À venir"
        round_id = wave.child(0).data(0, ItemRole)[1]
        # Closing before opening: the server's reason in the banner, nothing changed.
        assert not await view.change_round(round_id, applications_closes_at=t + 3 * day)
        assert view.banner.isVisible() and view.banner.label.text()
        assert await view.change_round(round_id, results_at=t + 11 * day)
        assert view.tree.topLevelItem(0).child(0).text(4).startswith(
            (t + 11 * day).astimezone(PARIS).strftime("%d/%m"))
        assert await view.set_state("open")
        assert view.campaign.state == "open"

    try:
        arun(scenario(), timeout=60)
    finally:
        arun(close(service))


def test_dates_dialog_reads_paris_time(qtbot: Any) -> None:
    value = datetime(2027, 3, 4, 8, 30, tzinfo=UTC)
    assert from_qt(to_qt(value)) == value
    dialog = DatesDialog("Tour", (("results_at", "Résultats"), ("opens_at", "Début")),
                         {"results_at": value})
    qtbot.addWidget(dialog)
    assert dialog.dates() == {"results_at": value, "opens_at": None}
    later = value + timedelta(hours=2)
    assert span(value, later, 2027) == "04/03 09:30 → 11:30"  # Paris, winter time
    assert span(value, later + timedelta(days=300), 2027) == "04/03 09:30 → 29/12 11:30"
    assert span(value, None, 2026) == "04/03/2027 09:30 → —"
