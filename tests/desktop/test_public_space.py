"""« Consulter sans compte » (issue 16): from the sign-in window, the public space of a real
server, with real widgets and no account: the national public tables, the amphitheatres
(sessions, call list, posts, live session, assignments), the semester's offer and its
export, the matching calendar; updates pushed live; nothing personal; back to sign-in.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.models import ItemRole
from desktop.ui.amphi.public_view import PublicAmphiView
from desktop.ui.matching.calendar_view import MatchingCalendarView
from desktop.ui.national.tables_view import TablesView
from desktop.ui.public_window import PublicWindow
from tests.desktop.amphi_helpers import MakeApp, Run, amphi_server, intern_page, world
from tests.desktop.conftest import until
from tests.desktop.national_helpers import campaign
from tests.server.conftest import auth
from tests.server.test_amphi_support import World
from tests.server.test_matching_helpers import iso, window


def matching_campaign(w: World) -> int:
    """An open matching campaign (by the amphitheatre's agent): one wave, round 1 taking
    applications now, round 2 later, round 3 off the platform."""
    h = auth(w.staff.token)
    r = w.client.post("/api/matching/campaigns", json={"name": "Appariement DJ 2027"},
                      headers=h)
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    assert w.client.patch(f"/api/matching/campaigns/{cid}", json={"state": "open"},
                          headers=h).status_code == 200
    r = w.client.post(f"/api/matching/campaigns/{cid}/waves", json={"name": "Vague 1"},
                      headers=h)
    wave = r.json()["waves"][0]["id"]
    t = datetime.now(UTC)
    for body in ({"number": 1, **window("applications", t)},
                 {"number": 2, **window("upcoming", t + timedelta(days=10))},
                 {"number": 3, "off_platform": True, "opens_at": iso(t + timedelta(days=20)),
                  "closes_at": iso(t + timedelta(days=21))}):
        r = w.client.post(f"/api/matching/waves/{wave}/rounds", json=body, headers=h)
        assert r.status_code == 201, r.text
    return int(cid)


async def open_public(qtbot: QtBot, app: Any) -> PublicWindow:
    """Start the client, click « Consulter sans compte », wait for the live stream."""
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None and dialog.browse_button.isVisible()
    assert dialog.browse_button.text() == "Consulter sans compte"
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    await until(lambda: app.public_window is not None and app.public_window.isVisible())
    window = app.public_window
    assert isinstance(window, PublicWindow)
    assert app.signin_dialog is None and not app.account.is_signed_in
    await until(lambda: app.live.is_connected, message="no live stream without an account")
    await until(lambda: "en direct" in window.connection_label.text())
    return window


def test_amphitheatres_offer_and_calendar_without_an_account(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any,
        tmp_path: Path) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    a, _b = w.interns
    matching_id = matching_campaign(w)
    app = make_app(server.url)

    async def scenario() -> None:
        window = await open_public(qtbot, app)
        view = window.amphi
        assert isinstance(view, PublicAmphiView)
        window.tabs.setCurrentWidget(view)
        await until(lambda: view.posts_view.model.rowCount() == 6
                    and view.offer_view.model.rowCount() == 6
                    and view.info_view.call_model.rowCount() == 2
                    and view.live is not None and view.live.state is not None,
                    message="the amphitheatre did not load")
        assert view.amphi is not None and view.amphi.id == w.amphi_id
        assert "Ouvert" in view.state_label.text() or "ouvert" in view.state_label.text()
        info = view.info_view
        assert info.csv_button.isEnabled() and info.pdf_button.isEnabled()
        # No national campaign here: the tab says so instead of an empty table.
        assert window.national.missing
        assert "Aucun choix national" in window.national.empty_label.text()
        # The matching calendar: one wave, three rounds, their phases in words.
        calendar = window.matching
        assert isinstance(calendar, MatchingCalendarView)
        await until(lambda: calendar.table.rowCount() == 3, message="no calendar")
        assert calendar.campaign_id == matching_id
        assert calendar.table.item(0, 5).text() == "Candidatures des étudiants ouvertes"
        assert "hors plateforme" in calendar.table.item(2, 2).text()
        # Nothing personal: no favourites, no saved searches, no « me » in the live state.
        tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
        assert tabs == ["Séances et liste d'appel", "Postes", "Séance en direct",
                        "Affectations", "Offre du semestre"]
        assert not view.posts_view.add_button.isVisible()
        assert not view.posts_view.saved_combo.isVisible()
        assert view.live.state is not None and view.live.state.me is None
        assert not view.live.intern  # a spectator: no presence signals

        # Live by push, without signing in: a choice shows in the assignments, the
        # amphitheatre's posts and the semester's offer.
        view.tabs.setCurrentWidget(view.assignments_view)
        w.presence(a)
        assert w.transition("start").status_code == 200
        w.wait_turn(a)
        await until(lambda: view.live is not None and view.live.current == a.intern_id,
                    message="turn not pushed")
        assert w.choose(a, "2003").status_code == 200
        await until(lambda: view.assignments_view.model.rowCount() == 1,
                    message="choice not pushed")
        post_id = w.posts["2003"]

        def taken(v: Any) -> bool:
            post = v.model.post(post_id)
            return post is not None and post.taken

        await until(lambda: taken(view.posts_view) and taken(view.offer_view))

        # « Voir tous les postes de ce service », in the semester's offer.
        offer = view.offer_view
        view.tabs.setCurrentIndex(4)
        post = offer.model.post(post_id)
        assert post is not None
        offer.show_service(post.establishment, post.service)
        same = [p for p in offer.model.posts()
                if (p.establishment, p.service) == (post.establishment, post.service)]
        assert 0 < offer.proxy.accepted_count() == len(same) < 6
        assert offer.clear_criteria_button.isVisible()
        qtbot.mouseClick(offer.clear_criteria_button, Qt.MouseButton.LeftButton)
        assert offer.proxy.accepted_count() == 6

        # Exports: the semester's offer (CSV, Excel) and the call list (CSV, PDF).
        view.save_dir = tmp_path
        path = await view.export_offer("csv")
        assert path is not None and path.parent == tmp_path and path.suffix == ".csv"
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")),
                               delimiter=";"))
        header = rows[0]
        taken_col, number_col = header.index("Pourvu"), header.index("N° poste")
        assert len(rows) == 7
        assert {r[number_col]: r[taken_col] for r in rows[1:]}["2003"] == "Oui"
        assert a.name.split(" ", 1)[1] not in path.read_text(encoding="utf-8-sig")
        assert "6 postes" in view.banner.text
        path = await view.export_offer("xlsx")
        assert path is not None and path.suffix == ".xlsx"
        sheet = load_workbook(path, read_only=True).active
        assert sheet is not None
        assert len(list(sheet.iter_rows(values_only=True))) == 7
        info.save_dir = tmp_path
        path = await info.download_call_list("csv")
        assert path is not None
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        assert lines[0].startswith("Rang appel;Nom;Prénom") and len(lines) == 3
        assert "Liste d'appel enregistrée" in info.banner.text
        path = await info.download_call_list("pdf")
        assert path is not None and path.read_bytes().startswith(b"%PDF")

        # Back to sign-in.
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
        await until(lambda: app.signin_dialog is not None and app.signin_dialog.isVisible()
                    and app.public_window is None)

    arun(scenario(), timeout=90)


def test_national_public_tables_follow_the_simulation_without_an_account(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: Any) -> None:
    c = campaign(server, [(1, "general", True), (2, "general", False)])
    app = make_app(server.url)
    cell = c.cell("LYON", "Pédiatrie")  # one post

    async def scenario() -> None:
        window = await open_public(qtbot, app)
        tables = window.national.content
        assert isinstance(tables, TablesView) and not window.national.missing
        kinds = [tables.kind_combo.itemData(i) for i in range(tables.kind_combo.count())]
        assert kinds == ["final", "current", "rank_limits", "listing"]  # no « pour moi »
        assert tables.slices_button.isVisible()

        def remaining() -> int | None:
            row = next((r for r in tables.model.rows() if r.cell_id == cell), None)
            return row.remaining if row is not None else None

        await until(lambda: remaining() == 1, message="tables not loaded")
        assert "L'amphithéâtre n'a pas commencé" in tables.radar_label.text()
        # Student 1 wishes the one post: pushed, the final availability drops to 0.
        assert c.put_wishes(c.students[1], [cell]).status_code == 200
        await until(lambda: remaining() == 0, timeout=15, message="simulation not pushed")
        tables.open_cell(cell)
        await until(lambda: tables.dialog is not None and tables.dialog.isVisible())

    arun(scenario(), timeout=60)


def test_a_bad_server_address_is_said_in_the_sign_in_window(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: Any) -> None:
    app = make_app(server.url)

    async def scenario() -> None:
        await app.start()
        dialog = app.signin_dialog
        assert dialog is not None
        dialog.server_edit.setText("ftp://amphi.exemple.fr")
        qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
        assert app.public_window is None and app.signin_dialog is dialog
        assert dialog.server_field.isVisible() and dialog.server_field.error_text

    arun(scenario())


def test_the_public_space_says_when_the_server_is_gone(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: Any) -> None:
    app = make_app(server.url)

    async def scenario() -> None:
        window = await open_public(qtbot, app)
        view = window.amphi
        assert isinstance(view, PublicAmphiView)
        await until(lambda: "Aucun choix de stage" in view.holder.empty_label.text()
                    and view.holder.missing)
        calendar = window.matching
        assert isinstance(calendar, MatchingCalendarView)
        await until(lambda: "Aucune campagne d'appariement" in calendar.title.text())
        assert calendar.table.isHidden()
        server.stop()
        path = await view.export_offer("csv")  # no campaign: nothing asked
        assert path is None
        await view.load()
        await until(lambda: window.offline_shown, message="offline not shown")
        assert "Hors ligne" in window.connection_label.text()
        server.start()
        qtbot.mouseClick(window.offline_banner.action, Qt.MouseButton.LeftButton)
        await until(lambda: not window.offline_shown, timeout=15)

    arun(scenario(), timeout=60)


def test_an_intern_downloads_the_call_list_and_sees_a_favourite_s_service(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any,
        tmp_path: Path) -> None:
    """A signed-in intern: the call list as CSV and PDF; « Voir tous les postes de ce
    service » from a favourite (a single post) and from a post of the list."""
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, w.interns[0].email)
        # The intern downloads the call list as the public does (CSV and PDF).
        page.tabs.setCurrentWidget(page.info_view)
        assert page.info_view.csv_button.isVisible() and page.info_view.csv_button.isEnabled()
        page.info_view.save_dir = tmp_path
        path = await page.info_view.download_call_list("csv")
        assert path is not None and len(path.read_text(encoding="utf-8-sig").splitlines()) == 3
        path = await page.info_view.download_call_list("pdf")
        assert path is not None and path.read_bytes().startswith(b"%PDF")
        posts = page.posts_view
        single = next(p for p in posts.model.posts() if p.number == "2001")
        page._add_favourite(single)
        view = page.favourites_view
        await until(lambda: len(view.model.items()) == 1)
        await until(lambda: hasattr(view, "single_post_box"))
        view.single_post_box.accept()
        page.tabs.setCurrentWidget(view)
        view.table.select_row(0)
        assert view.service_button.isVisible() and view.service_button.isEnabled()
        qtbot.mouseClick(view.service_button, Qt.MouseButton.LeftButton)
        assert page.tabs.currentWidget() is posts
        same = {p.number for p in posts.model.posts()
                if (p.establishment, p.service) == (single.establishment, single.service)}
        assert len(same) > 1  # the whole service, not only the favourite post
        ids = set(posts.proxy.accepted_ids())
        assert {p.number for p in posts.model.posts() if p.id in ids} == same
        assert "Service : " in posts.criteria_label.text()
        posts.set_criteria({})
        assert posts.proxy.accepted_count() == 6
        # From a post of the list (one row per post): the same.
        posts.flat_button.setChecked(True)
        posts.table.selectRow(0)
        first = posts.table.currentIndex().siblingAtColumn(0).data(ItemRole)
        qtbot.mouseClick(posts.service_button, Qt.MouseButton.LeftButton)
        assert posts.proxy.accepted_count() == sum(
            1 for p in posts.model.posts()
            if (p.establishment, p.service) == (first.establishment, first.service))

    arun(scenario(), timeout=60)
