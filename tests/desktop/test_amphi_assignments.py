"""The public assignments list (filters, sorting, real time) for interns and staff, and
the staff's planned absence, against a real server."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.api.amphi import Assignment
from desktop.models.amphi_assignments import (
    COL_AT,
    COL_INTERN,
    COL_POST,
    AssignmentsFilterProxy,
    AssignmentsModel,
)
from tests.conftest import TEST_EPOCH
from tests.desktop.amphi_helpers import MakeApp, Run, amphi_server, intern_page, staff_page, world
from tests.desktop.conftest import until

T0 = TEST_EPOCH - timedelta(days=3)  # choices of an earlier day: shown with their date


def assignment(n: int, **values: Any) -> Assignment:
    base = Assignment(id=n, campaign_id=1, semester="mai 2027", amphi_id=1, amphi_name="Amphi",
                      intern_id=n, intern_name=f"Interne{n} T.", post_id=n,
                      post_number=f"{2000 + n}", establishment="CH de Vienne", service="Médecine",
                      head="Dr Anne PETIT", department="38", choice_type="classique",
                      chosen_at=T0 + timedelta(minutes=n),
                      intern_regime="Phase d'approfondissement", intern_des="PNEU",
                      group="Spécialités médicales", post_des="MIN", post_type="CH",
                      intern_seniority=2, intern_des_label="Pneumologie", faculty="Lyon",
                      earmark=None, reserved=False, by_proxy=False, by_staff=False)
    return replace(base, **values)


def test_model_filters_like_the_server_and_sorts(qtmodeltester: Any) -> None:
    model = AssignmentsModel()
    model.set_assignments([assignment(1), assignment(2, post_des="CARD", head="Pr Élise Roux"),
                           assignment(3, intern_des="CARD", establishment="CHU de Lyon")])
    qtmodeltester.check(model)
    assert [a.id for a in model.assignments()] == [3, 2, 1]  # newest first
    assert not model.add(assignment(2))  # an event seen twice adds nothing
    assert model.add(assignment(4)) and model.data(model.index(0, COL_INTERN)) == "Interne4 T."
    proxy = AssignmentsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    def shown() -> list[int]:
        return sorted(proxy.data(proxy.index(r, 0), Qt.ItemDataRole.UserRole + 2).id
                      for r in range(proxy.rowCount()))

    proxy.set_filter("post_des", ["card"])  # exact, case-insensitive
    assert shown() == [2]
    proxy.set_filter("post_des", [])
    proxy.set_filter("head", ["elise"])  # part of the text, accents ignored
    assert shown() == [2]
    proxy.clear_filters()
    proxy.set_filter("establishment", ["lyon"])
    proxy.set_filter("intern_des", ["CARD", "PNEU"])  # several values: any of them
    assert shown() == [3]
    proxy.clear_filters()
    proxy.sort(COL_POST, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, COL_POST)) for r in range(4)] == [
        "2001", "2002", "2003", "2004"]
    proxy.sort(COL_AT, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, COL_POST)) == "2004"


def test_interns_see_choices_live_and_filter_them(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=3, des=["PNEU", "CARD", "PNEU"])
    a, b, me = w.interns
    app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, me.email)
        view = page.assignments_view
        assert view is not None and page.tabs.indexOf(view) >= 0
        page.tabs.setCurrentWidget(view)
        await until(lambda: view.campaign_id == w.campaign_id)
        assert view.model.rowCount() == 0 and "Aucune affectation" in view.count_label.text()
        for who in (a, b):
            w.presence(who)
        assert w.transition("start").status_code == 200
        w.wait_turn(a)
        assert w.choose(a, "2003").status_code == 200
        await until(lambda: view.model.rowCount() == 1, message="choice not pushed")
        w.presence(b)
        w.wait_turn(b)
        assert w.choose(b, "2001").status_code == 200
        await until(lambda: view.model.rowCount() == 2)
        assert view.proxy.data(view.proxy.index(0, COL_POST)) == "2001"  # newest first
        assert view.count_label.text() == "2 affectation(s)"
        # The drop-downs offer the values present; choosing one filters at once.
        combo = view.combos["post_des"]
        assert [combo.itemText(i) for i in range(combo.count())] == ["Tous", "CARD", "PNEU"]
        view.set_filter("post_des", "CARD")
        assert view.proxy.rowCount() == 1
        assert "1 affectation(s) sur 2" in view.count_label.text()
        view.clear_filters()
        view.set_filter("establishment", "vienne")
        assert view.proxy.rowCount() == 0
        view.set_filter("establishment", "")
        view.set_filter("intern", a.name.split()[0].lower())
        assert view.proxy.rowCount() == 1
        assert view.proxy.data(view.proxy.index(0, COL_POST)) == "2003"
        view.clear_filters()
        # A reload (reconnection) gives the same list as the events did.
        before = [x.id for x in view.model.assignments()]
        await view.reload()
        assert [x.id for x in view.model.assignments()] == before

    arun(scenario(), timeout=60)


def test_staff_mark_planned_absence_and_follow_assignments(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=3)
    a, b, c = w.interns
    app = make_app(server.url)

    def call_entry(intern_id: int) -> dict[str, Any]:
        calls = w.client.get(f"{w.base}/call-list", headers=w.staff.h).json()
        return next(e for e in calls if e["intern_id"] == intern_id)

    async def scenario() -> None:
        _window, page = await staff_page(qtbot, app, w.staff.email)
        view = page.live_view
        assert view is not None
        await until(lambda: view.queue_model.rowCount() == 3)
        # Nothing selected: a notice, no call.
        view.queue_table.clearSelection()
        view.queue_table.setCurrentIndex(view.queue_model.index(-1, 0))
        assert await page.set_absence(b.intern_id, True, "Disponibilité")
        assert call_entry(b.intern_id)["planned_absence"] is True
        assert "absence prévue enregistrée" in page.banner.text
        await until(lambda: next(q for q in view.queue_model.rows()
                                 if q.intern_id == b.intern_id).status == "skipped")
        # From the buttons: select c in the queue, mark, then clear.
        row = next(i for i, q in enumerate(view.queue_model.rows()) if q.intern_id == c.intern_id)
        view.queue_table.selectRow(row)
        page.absence_reason.setText("Congé maternité")
        page.absence_button.click()
        await until(lambda: call_entry(c.intern_id)["planned_absence"] is True)
        view.queue_table.selectRow(row)
        page.present_button.click()
        await until(lambda: call_entry(c.intern_id)["planned_absence"] is False)
        # The assignments tab follows the choices live.
        assignments = page.assignments_view
        await until(lambda: assignments.campaign_id == w.campaign_id)
        for who in (a, c):
            w.presence(who)
        assert w.transition("start").status_code == 200
        w.wait_turn(a)
        assert w.choose(a, "2005").status_code == 200
        await until(lambda: assignments.model.rowCount() == 1)
        assert assignments.proxy.data(assignments.proxy.index(0, COL_INTERN)).startswith(
            a.name.split()[0])

    arun(scenario(), timeout=60)
