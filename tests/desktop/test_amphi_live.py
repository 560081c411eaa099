"""The live session screen against a real server: the chooser in blue, me in green, the
number before me, « C'est bientôt votre tour », co-interns' choices as they happen,
the countdown from the server's deadline, « Choisir ce poste » only on posts I may take,
the three confirmation steps (going back once, then confirming), and the post sheet."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from desktop.api.amphi import LiveIntern
from desktop.attestation import Text, amphi_attestation_page
from desktop.models.amphi_live import (
    CHOOSER_COLOUR,
    LQ_NAME,
    LQ_POST,
    LQ_STATUS,
    ME_COLOUR,
    LiveQueueModel,
    countdown_text,
)
from desktop.models.amphi_posts import COL_ACTION, COL_NUMBER, QUICK_ALL, QUICK_FREE, QUICK_TAKEN
from desktop.sync.amphi import favourite_for_post, soon_from_upcoming
from desktop.ui.amphi.live_view import LiveView, passed_turn_text
from desktop.ui.confirmation import FinalDialog, IrrevocableDialog
from tests.desktop.amphi_helpers import MakeApp, Run, amphi_server, intern_page, world
from tests.desktop.conftest import clipped_headers, columns_off_screen, until

SHOTS = os.environ.get("AMPHI_SHOTS", "")


def test_soon_from_the_turn_event_counts_present_interns_only() -> None:
    upcoming = [{"intern_id": 2, "present": True}, {"intern_id": 3, "present": False},
                {"intern_id": 4, "present": True}, {"intern_id": 5, "present": True}]
    # Chooser (present) + 2 and 4 before me: 3 present ≤ 3.
    assert soon_from_upcoming(upcoming, 5, 1, True, 3)
    assert not soon_from_upcoming(upcoming, 5, 1, True, 2)
    assert soon_from_upcoming(upcoming, 5, 1, False, 2)  # an absent chooser does not count
    assert not soon_from_upcoming(upcoming, 9, 1, True, 4)  # not listed: not soon
    assert not soon_from_upcoming(upcoming, 1, 1, True, 4)  # my turn, not "soon"
    assert countdown_text(89.2) == "1:30" and countdown_text(0) == "0:00"
    assert countdown_text(-3) == "0:00" and countdown_text(None) == "—"


def test_one_chooser_only_even_with_a_snapshot_older_than_the_turn() -> None:
    """The queue's snapshot may still say « choosing » for the one whose turn just ended:
    only the current chooser reads « Choisit en ce moment »."""
    def intern(n: int, status: str) -> LiveIntern:
        return LiveIntern(intern_id=n, call_rank=n, position=n, name=f"Interne {n}.",
                          des="MG", choice_type="classique", status=status, present=True,
                          planned_absence=False, post_id=None, post_number=None,
                          post_label=None)

    model = LiveQueueModel()
    model.set_queue([intern(1, "choosing"), intern(2, "waiting"), intern(3, "waiting")],
                    2, 3)
    texts = [model.index(r, LQ_STATUS).data() for r in range(3)]
    assert texts == ["Tour terminé", "Choisit en ce moment", "En attente"]
    model.set_queue([intern(1, "choosing"), intern(2, "waiting")], 1, None)
    assert model.index(0, LQ_STATUS).data() == "Choisit en ce moment"


def select_post(view: LiveView, number: str) -> None:
    proxy = view.posts_proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data() == number:
            view.posts_table.setCurrentIndex(proxy.index(row, 0))
            return
    raise AssertionError(f"post {number} not shown")


def background(view: LiveView, intern_id: int) -> Any:
    model = view.queue_model
    row = model.row_of(intern_id)
    assert row is not None
    brush = model.data(model.index(row, 1), Qt.ItemDataRole.BackgroundRole)
    return brush.color() if brush is not None else None


def _service_favourite(page: Any, number: str) -> Any:
    from desktop.sync.amphi import favourite_for_service

    group = next(g for g in page.posts_view.tree_model.groups()
                 if g.service.number == number)
    return favourite_for_service(group.service, group.posts)


def test_live_screen_colours_banner_choices_and_confirmation_steps(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any,
        tmp_path: Path) -> None:
    server = amphi_server(server_factory, turn=40.0)
    w = world(server, interns=3)
    a, b, me = w.interns
    app = make_app(server.url)

    async def scenario() -> None:
        window, page = await intern_page(qtbot, app, me.email)
        view = page.live_view
        assert view is not None and page.live is not None
        live = page.live
        assert live.state is not None and live.state.state == "open"
        assert view.countdown.text() == "—"
        # One favourite before the session: the Vienne service (posts 2005 and 2006).
        assert page.sync is not None
        await page.sync.add(next(
            f for f in [_service_favourite(page, "1201")] if f is not None))
        await until(lambda: view.favourites_only.isEnabled())
        # The agency's message rings the bell.
        r = w.client.post(f"{w.staff_base}/messages", headers=w.staff.h,
                          json={"text": "Début de la séance dans 5 minutes."})
        assert r.status_code == 201, r.text
        await until(lambda: page.bell.unread == 1)
        assert page.bell.texts()[0] == "Début de la séance dans 5 minutes."
        assert "(1)" in page.bell.text()
        w.presence(a)
        w.presence(b)
        assert w.transition("start").status_code == 200
        await until(lambda: live.state is not None
                    and live.state.current_intern_id == a.intern_id,
                    message=f"turn not seen {live.current} {a.intern_id} {live.state}")
        # Blue for the chooser, green for me; two before me, both connected.
        assert background(view, a.intern_id) == CHOOSER_COLOUR
        assert background(view, me.intern_id) == ME_COLOUR
        assert background(view, b.intern_id) is None
        assert "Avant vous : 2 interne(s), dont 2 connecté(s)" in view.before_label.text()
        assert page.tabs.currentWidget() is page.live_holder  # shown when the session starts
        await until(lambda: "présence : connecté" in page.info_view.place_label.text())
        await until(lambda: view.soon_banner.isVisible())
        assert view.soon_banner.text == "C'est bientôt votre tour"
        assert any("bientôt" in text for _title, text in page.notifier.sent)
        # The countdown runs against the server's deadline (40 s turns).
        await until(lambda: view.countdown.text() not in ("—", ""))
        minutes, seconds = view.countdown.text().split(":")
        assert 30 <= int(minutes) * 60 + int(seconds) <= 40
        # Nothing to choose before my turn.
        assert not view.choose_button.isVisible()
        # a chooses: seen at once in the queue (post in red) and in the posts.
        assert w.choose(a, "2003").status_code == 200
        await until(lambda: live.current == b.intern_id)
        row = view.queue_model.row_of(a.intern_id)
        assert row is not None
        await until(lambda: view.queue_model.index(row, LQ_POST).data().startswith("2003"))
        taken = view.posts_model.post(w.posts["2003"])
        assert taken is not None and taken.taken
        assert page.posts_view.model.post(w.posts["2003"]).taken  # the « Postes » tab too
        assert background(view, b.intern_id) == CHOOSER_COLOUR
        assert w.choose(b, "2004").status_code == 200
        await until(lambda: live.me is not None and live.me.my_turn, message="not my turn")
        await until(lambda: view.choose_button.isVisible())
        assert view.soon_banner.text.startswith("C'est votre tour")
        notified = [text for _title, text in page.notifier.sent]
        assert "Choisissez votre poste maintenant." in notified
        assert background(view, me.intern_id) == CHOOSER_COLOUR  # choosing now: blue
        # Only free posts not reserved for another DES (2001/2002 are for CARD).
        allowed = {view.posts_model.post(i).number for i in view.posts_model.allowed or ()}
        assert allowed == {"2005", "2006"}
        select_post(view, "2001")  # free but reserved for cardiology: no choosing
        assert not view.choose_button.isEnabled()
        view.favourites_only.setChecked(True)
        shown = {view.posts_proxy.index(r, 0).data() for r in range(view.posts_proxy.rowCount())}
        assert shown == {"2005", "2006"}
        select_post(view, "2005")
        assert view.choose_button.isEnabled()
        # Step 1 is the button; step 2 « Non, je reviens à mes choix » goes back.
        view.choose_button.click()
        await until(lambda: isinstance(view.steps and view.steps.current, IrrevocableDialog))
        dialog = view.steps.current  # type: ignore[union-attr]
        assert isinstance(dialog, IrrevocableDialog)
        assert "CH de Vienne — Médecine polyvalente, poste 2005" in dialog.post_label.text()
        dialog.back_button.click()
        await until(lambda: view.steps is None)
        assert view.choice is None
        r = w.client.get(f"{w.base}/live", headers=me.h).json()
        assert r["me"]["status"] == "choosing"  # nothing was sent
        # Again, from the keyboard (Ctrl+Entrée): « Oui, je confirme », then the last OK.
        select_post(view, "2005")
        window = view.window()
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(view.posts_table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: isinstance(view.steps and view.steps.current, IrrevocableDialog))
        view.steps.current.confirm_button.click()  # type: ignore[union-attr]
        await until(lambda: isinstance(view.steps and view.steps.current, FinalDialog))
        final = view.steps.current  # type: ignore[union-attr]
        assert isinstance(final, FinalDialog) and "poste 2005" in final.question.text()
        final.ok_button.click()
        await until(lambda: view.choice is not None, message=view.banner.text)
        assert view.sheet.isVisible()
        assert view.choice is not None and view.choice.post.number == "2005"
        assert not view.choose_button.isVisible()
        mine = w.client.get("/api/amphi/me", headers=me.h).json()[0]
        assert mine["assignment"]["post_number"] == "2005"
        await until(lambda: live.me is not None and live.me.status == "chosen")
        assert "Vous avez choisi" in view.before_label.text()
        assert view.queue_table.selectionMode() == QAbstractItemView.SelectionMode.NoSelection
        assert window.isVisible()
        # The attestation of the semester, as a PDF, from « Mon internat ».
        internship = page.internship_view
        await until(lambda: len(internship.attestations) == 1)
        target = tmp_path / "attestation.pdf"
        assert await internship.save_attestation(internship.attestations[0].assignment_id,
                                                 target)
        assert target.read_bytes().startswith(b"%PDF")
        # Printed through a preview and Qt's print dialog (issue 15, point 11): the page
        # says what the agency's PDF says.
        preview = internship.print_attestation(internship.attestations[0].assignment_id)
        assert preview is not None and preview.preview.pageCount() == 1
        await until(preview.isVisible)
        texts = " ".join(item.text for item in amphi_attestation_page(
            "X", internship.attestations[0]) if isinstance(item, Text))
        assert "2005" in texts and internship.attestations[0].post.service in texts
        preview.reject()
        await until(lambda: internship.assignment_card.isVisibleTo(internship))
        assert "Poste 2005" in internship.assignment_label.text()

    arun(scenario(), timeout=90)


def shown_numbers(view: LiveView) -> list[str]:
    proxy = view.posts_proxy
    return [proxy.index(row, COL_NUMBER).data() for row in range(proxy.rowCount())]


def test_live_list_searches_filters_orders_and_has_a_choose_button_per_post(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    """Issue 15, point 5: the live list has the quick search and filters of « Postes »
    (accents and case ignored), free posts first with my favourites on top, and a
    « Choisir » button on each post I may take."""
    server = amphi_server(server_factory, turn=60.0)
    w = world(server, interns=3)
    a, b, me = w.interns
    app = make_app(server.url)

    async def scenario() -> None:
        window, page = await intern_page(qtbot, app, me.email)
        window.resize(1280, 720)
        view = page.live_view
        assert view is not None and page.live is not None and page.sync is not None
        live = page.live
        post = page.posts_view.model.post(w.posts["2006"])
        assert post is not None
        await page.sync.add(favourite_for_post(post))
        await until(lambda: view.favourites_only.isEnabled())
        # My favourite on top, then the free posts by number.
        assert shown_numbers(view) == ["2006", "2001", "2002", "2003", "2004", "2005"]
        # The quick search ignores accents and case, as on « Postes ».
        view.search_edit.setText("edouard HERRIOT")
        assert shown_numbers(view) == ["2001", "2002", "2003", "2004"]
        view.search_edit.setText("vienne")
        assert shown_numbers(view) == ["2006", "2005"]
        assert view.count_label.text() == "2 affichés sur 6"
        view.search_edit.clear()
        w.presence(a)
        w.presence(b)
        assert w.transition("start").status_code == 200
        await until(lambda: live.current == a.intern_id)
        assert w.choose(a, "2003").status_code == 200
        taken = w.posts["2003"]
        await until(lambda: view.posts_model.post(taken) is not None
                    and view.posts_model.post(taken).taken)  # type: ignore[union-attr]
        # Taken posts go below the free ones (the order is not touched during my turn).
        assert shown_numbers(view)[-1] == "2003"
        view.set_quick(QUICK_TAKEN)
        assert shown_numbers(view) == ["2003"]
        view.set_quick(QUICK_ALL)
        await until(lambda: live.current == b.intern_id)
        assert w.choose(b, "2004").status_code == 200
        await until(lambda: live.me is not None and live.me.my_turn, message="not my turn")
        await until(lambda: view.posts_proxy.quick == QUICK_FREE)  # my turn: free ones
        assert view.quick_buttons[QUICK_FREE].isChecked()
        buttons = {view.posts_proxy.index(r, COL_NUMBER).data():
                   view.posts_proxy.index(r, COL_ACTION).data()
                   for r in range(view.posts_proxy.rowCount())}
        # 2001/2002 are reserved for cardiology: no button on them.
        assert buttons == {"2006": "Choisir", "2001": "", "2002": "", "2005": "Choisir"}
        header = view.posts_table.horizontalHeader()
        assert header.visualIndex(COL_ACTION) == 0  # first, as in the original
        # Issue 15, point 8: no clipped title, « Choisit en ce moment » whole.
        page.tabs.setCurrentWidget(page.live_holder)
        for table in (view.posts_table, view.queue_table):
            await until(lambda table=table: not clipped_headers(table)
                        and not columns_off_screen(table),
                        message=f"{clipped_headers(table)} {columns_off_screen(table)}")
        choose = view.posts_table.fontMetrics().horizontalAdvance("Choisir")
        assert view.posts_table.columnWidth(COL_ACTION) >= choose + 16  # the button's text
        status = view.queue_table.fontMetrics().horizontalAdvance("Choisit en ce moment")
        q = view.queue_table
        assert q.columnWidth(LQ_STATUS) >= status + 12, (
            [q.columnWidth(c) for c in range(6)], q.viewport().width(), q.isVisible(),
            view.width(), window.width())
        bold = QFont(q.font())
        bold.setBold(True)
        names = [q.model().index(r, LQ_NAME).data() for r in range(q.model().rowCount())]
        widest = max(QFontMetrics(bold).horizontalAdvance(n) for n in names)
        assert q.columnWidth(LQ_NAME) >= widest + 12, (names, q.columnWidth(LQ_NAME))
        row = shown_numbers(view).index("2005")
        cell = view.posts_proxy.index(row, COL_ACTION)
        view.posts_table.scrollTo(cell)
        centre = view.posts_table.visualRect(cell).center()
        QTest.mouseClick(view.posts_table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, centre)
        await until(lambda: isinstance(view.steps and view.steps.current, IrrevocableDialog))
        dialog = view.steps.current  # type: ignore[union-attr]
        assert isinstance(dialog, IrrevocableDialog)
        assert "poste 2005" in dialog.post_label.text()
        dialog.back_button.click()
        await until(lambda: view.steps is None)

    arun(scenario(), timeout=90)


def test_time_up_says_what_happened_and_clears_the_stale_banner(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    """Issue 15, point 6: when my time runs out the screen says so in French, and what I
    can do (call the agency); « Vous êtes de retour… » shown before does not stay."""
    server = amphi_server(server_factory, turn=1.5)
    w = world(server, interns=2)
    me, _b = w.interns
    app = make_app(server.url)

    async def scenario() -> None:
        window, page = await intern_page(qtbot, app, me.email)
        view = page.live_view
        assert view is not None and page.live is not None
        live = page.live
        live.notice.emit("Vous êtes de retour : vous passez juste après l'interne qui "
                         "choisit en ce moment.", "success")
        assert not view.banner.isHidden()
        assert w.transition("start").status_code == 200
        await until(lambda: live.me is not None and live.me.status == "timed_out",
                    message="my turn did not time out")
        assert view.banner.isHidden()  # the « de retour » message is stale
        assert "temps est écoulé" in view.before_label.text()
        assert not view.soon_banner.isHidden()
        assert "l'agence" in view.soon_banner.text
        assert "Time" not in view.before_label.text()
        if SHOTS:  # AMPHI_SHOTS=dir: the screen as the intern sees it, at 1280×720
            window.resize(1280, 720)
            page.tabs.setCurrentWidget(page.live_holder)
            await asyncio.sleep(0.5)
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(SHOTS) / "live-time-up.png"))

    arun(scenario(), timeout=60)


def test_passed_turn_texts_tell_what_to_do() -> None:
    for status in ("timed_out", "absent", "skipped", "not_reached"):
        for running in (True, False):
            found = passed_turn_text(status, running)
            assert found is not None and "agence" in found[1], (status, running)
    running_absent = passed_turn_text("absent", True)
    assert running_absent is not None and "juste après l'interne qui choisit" in \
        running_absent[1]
    assert passed_turn_text("waiting", True) is None
    assert passed_turn_text("chosen", False) is None
