"""Staff screens and « Mon internat » against a real server: an import with its report of
rejected lines, state changes, sessions, a supernumerary request accepted, a message to
the bell, the call list downloaded; the intern's ranks with their explanations, a proxy
given from the profile and the holder signing in in « Procuration » mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.ui.amphi.intern_page import AmphiInternPage
from tests.desktop.amphi_helpers import (
    MakeApp,
    Run,
    amphi_server,
    intern_page,
    sign_in,
    staff_page,
    world,
)
from tests.desktop.conftest import clipped_headers, columns_off_screen, until
from tests.server.conftest import latest_mail, mail_link

PROXY_PASSWORD = "Procuration9"


def test_staff_import_report_transitions_supernumerary_message_and_call_list(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any,
        tmp_path: Path) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=3, open_it=False)
    intern = w.interns[1]
    app = make_app(server.url)
    bad = tmp_path / "postes.csv"
    bad.write_text("Numéro;N° service;DES;Groupe;Type;Régime\n"
                   "3001;1102;PNEU;Spécialités médicales;CHU;Phase d'approfondissement\n"
                   "3002;9999;PNEU;Spécialités médicales;CHU;Phase d'approfondissement\n",
                   encoding="utf-8")

    async def scenario() -> None:
        window, page = await staff_page(qtbot, app, w.staff.email)
        assert [a.id for a in page.amphis] == [w.amphi_id]
        # Issue 15, point 8: at 1280×720 the list shows every column whole, titles too.
        window.resize(1280, 720)
        table = page.amphi_table
        # (the scroll bar goes at the layout pass after the columns were fitted)
        await until(lambda: not clipped_headers(table) and not columns_off_screen(table)
                    and not table.horizontalScrollBar().isVisible(),
                    message=f"{clipped_headers(table)} {columns_off_screen(table)} "
                            f"{[table.columnWidth(i) for i in range(table.columnCount())]} "
                            f"in {table.viewport().width()}")
        assert table.columnWidth(0) >= 120  # the name (on lines), not « Médeci… »
        await until(lambda: page.save_sessions_button.isVisible())
        button = page.save_sessions_button  # the sessions' side keeps its room
        assert button.width() >= button.sizeHint().width()
        assert page.selected_amphi() is not None
        assert page.detail_state.text().startswith("État : Validé")
        assert page.sessions_table.rowCount() == 1
        # Import: the good line is written, the bad one reported with its reason.
        report = await page.import_file("posts", bad)
        assert report is not None and report.created == 1 and len(report.rejected) == 1
        assert page.rejected_table.rowCount() == 1
        assert page.rejected_table.item(0, 0).text() == "3"
        assert page.rejected_table.item(0, 1).text()  # the French reason
        assert "1 rejetées" in page.report_label.text()
        # Open: only the actions of the new state are offered.
        changed = await page.transition("open")
        assert changed is not None and changed.state == "open"
        assert not page.action_buttons["start"].isHidden()
        assert page.action_buttons["validate"].isHidden()
        # A supernumerary request arrives, staff accept it.
        r = w.client.post(f"/api/amphi/interns/{intern.intern_id}/supernumerary-request",
                          headers=intern.h, json={"requested": "surnombre validant"})
        assert r.status_code == 200, r.text
        await until(lambda: page.requests_table.rowCount() == 1, timeout=10,
                    message="request not listed")
        assert "(1)" in page.tabs.tabText(2)
        accept = page.requests_table.cellWidget(0, 4).findChildren(type(page.csv_button))[0]
        accept.click()
        await until(lambda: page.requests_table.rowCount() == 0)
        mine = w.client.get("/api/amphi/me", headers=intern.h).json()[0]
        assert mine["choice_type"] == "surnombre validant"
        # A message to the bell, and the call list as CSV.
        page.message_edit.setText("La séance commence à 9 h précises.")
        page.message_button.click()
        await until(lambda: page.message_edit.text() == "")
        messages = w.client.get(f"{w.base}/messages").json()
        assert messages[0]["text"] == "La séance commence à 9 h précises."
        target = tmp_path / "liste.csv"
        assert await page.save_call_list("csv", target)
        text = target.read_bytes().decode("utf-8-sig")
        assert intern.name.split(" ", 1)[1] in text
        # Start: the live tab follows the session as a spectator. The last intern has a
        # planned absence (skipped); he shows up and staff place him after the chooser.
        last = w.interns[2]
        r = w.client.patch(f"/api/staff/amphi/interns/{last.intern_id}", headers=w.staff.h,
                           json={"planned_absence": True})
        assert r.status_code == 200, r.text
        for who in w.interns:
            w.presence(who)
        await page.transition("start")
        live = page.live
        assert live is not None
        await until(lambda: live.state is not None and live.state.state == "in_progress"
                    and live.current is not None)
        assert page.live_view is not None and live.me is None
        statuses = {q.intern_id: q.status for q in live.state.queue}
        assert statuses[last.intern_id] == "skipped"
        view = page.live_view
        row = view.queue_model.row_of(last.intern_id)
        assert row is not None
        view.queue_table.setCurrentIndex(view.queue_model.index(row, 1))
        view._on_changed()  # a live event refreshes the queue meanwhile: still him
        selected = view.queue_table.currentIndex().row()
        assert view.queue_model.rows()[selected].intern_id == last.intern_id
        page.requeue_button.click()
        await until(lambda: {q.intern_id: q.status for q in live.state.queue}[last.intern_id]
                    == "waiting", message=page.banner.text)
        order = [q.intern_id for q in sorted(live.state.queue, key=lambda q: q.position)]
        assert order.index(last.intern_id) == order.index(live.current) + 1
        # Assigning a post to an intern still waiting is refused, in French, in the banner.
        assert not await page.assign(last.intern_id, w.posts["2006"])
        assert page.banner.kind == "error" and page.banner.text
        # Pause: the clock stops and the live tab says so.
        await page.transition("pause")
        await until(lambda: live.state is not None and live.state.state == "paused")
        assert view.soon_banner.text == "La séance est en pause."
        assert live.deadline is None and live.remaining() is not None

    arun(scenario(), timeout=90)


def test_profile_ranks_proxy_given_and_holder_signs_in_in_proxy_mode(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    me = w.interns[0]
    app = make_app(server.url)
    holder_app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, me.email)
        view = page.internship_view
        page.tabs.setCurrentWidget(view)
        labels = [view.ranks_form.itemAt(r, view.ranks_form.ItemRole.LabelRole).widget().text()
                  for r in range(view.ranks_form.rowCount())]
        assert "Promotion théorique" in labels and "Rang actualisé" in labels
        assert "Rang d'appel" in labels
        # A bad address keeps what was typed and shows the message beside the field.
        assert await view.give_proxy("pas-une-adresse", "06 11 22 33 44") is None
        assert view.proxy_email_field.error_text
        proxy = await view.give_proxy("marraine@example.org", "06 11 22 33 44")
        assert proxy is not None and proxy.status == "pending"
        assert "en attente" in view.proxy_label.text()
        assert view.cancel_proxy_button.isVisibleTo(view)
        assert server.live is not None
        link = mail_link(latest_mail(server.live, "marraine@example.org"))
        token = link.rsplit("token=", 1)[1]
        r = w.client.post("/pages/proxy", data={"token": token, "password": PROXY_PASSWORD,
                                                "confirm": PROXY_PASSWORD})
        assert r.status_code == 200, r.text
        await until(lambda: view.proxy is not None and view.proxy.status == "active",
                    message=view.proxy_label.text())
        # The holder signs in in proxy mode and sees the intern's amphitheatre.
        window = await sign_in(qtbot, holder_app, "marraine@example.org", PROXY_PASSWORD,
                               proxy=True)
        holder_page = window.page("amphi")
        assert isinstance(holder_page, AmphiInternPage)
        assert window.visible_pages()[-1] == "amphi"
        await until(lambda: holder_page.intern is not None)
        assert holder_page.intern is not None and holder_page.intern.acting_as_proxy
        assert "par procuration" in holder_page.subtitle.text()
        assert view.proxy_card.isVisibleTo(view)
        assert not holder_page.internship_view.proxy_card.isVisibleTo(
            holder_page.internship_view)

    arun(scenario(), timeout=90)
