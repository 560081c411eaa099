"""The wishes screen against a real server: add through the pickers, drag, Ctrl+Up, a typed
position, delete, coloured statuses, live statuses, and offline edits with their sync."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desktop.api.client import encode
from desktop.app import AmphiApp
from desktop.models import ItemRole
from desktop.models.national_wishes import (
    COL_NUMBER,
    COL_STATUS,
    COL_SUBDIVISION,
    EXHAUSTED_FOREGROUND,
    SATISFIED_FOREGROUND,
    WishModel,
    WishRow,
)
from desktop.sync.national import Draft
from desktop.ui.national.common import SearchCombo
from desktop.ui.national.wishes_view import WishesView
from tests.desktop.conftest import PASSWORD, RestartableServer, until
from tests.desktop.national_helpers import Campaign, area, campaign, open_main

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]


def server_cells(c: Campaign, rank: int) -> list[int]:
    return [w["cell_id"] for w in c.wishes(c.students[rank])["wishes"]]


def shown(view: WishesView) -> list[tuple[str, str]]:
    return [(r.subdivision, r.specialty) for r in view.model.rows()]


def colour(model: WishModel, row: int) -> str:
    brush = model.data(model.index(row, COL_STATUS), Qt.ItemDataRole.ForegroundRole)
    return brush.color().name() if brush is not None else ""


async def add(view: WishesView, qtbot: QtBot, sub: str, spec: str, position: int = 0) -> None:
    before = len(view.model.rows())
    view.subdivision_combo.setEditText(sub.lower())  # the pickers ignore case
    view.specialty_combo.setEditText(spec)
    view.position_spin.setValue(position)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    await until(lambda: len(view.model.rows()) == before + 1
                and not any(r.pending for r in view.model.rows()))


def test_wishes_screen_add_drag_keyboard_typed_position_delete_and_live_statuses(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    c = campaign(server, [(1, "general", True), (2, "general", True)])
    first, me = c.students[1], c.students[2]
    r = c.put_wishes(first, [c.cell("GRENOBLE", "Cardiologie")])
    assert r.status_code == 200, r.text

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), me.email or "")
        assert "national_wishes" in window.visible_pages()
        window.show_page("national_wishes")
        view = area(window).wishes_view
        await until(lambda: view.student is not None and view.student.me is not None
                    and view.subdivision_combo.count() > 0)
        assert view.headline_label.text() == "Vous n'avez fait aucun vœu"
        assert "classé 2" in view.status_line.text().lower()

        await add(view, qtbot, "GRENOBLE", "Cardiologie")
        await add(view, qtbot, "LYON", "Pédiatrie")
        rows = view.model.rows()
        assert rows[0].label == "épuisé / 1" and rows[0].exhausted
        assert colour(view.model, 0) == EXHAUSTED_FOREGROUND.name()  # grey
        assert rows[1].satisfied and colour(view.model, 1) == SATISFIED_FOREGROUND.name()
        assert view.headline_label.text() == (
            "En 1 / 1 le vœu n° 2 à LYON en Pédiatrie permettra d'être affecté")
        assert view.above_label.text().startswith("1 / 1 ")
        # The optional position of the add row puts the new wish first.
        await add(view, qtbot, "REIMS", "Médecine générale", position=1)
        assert shown(view) == [("REIMS", "Médecine générale"), ("GRENOBLE", "Cardiologie"),
                               ("LYON", "Pédiatrie")]
        assert view.model.rows()[0].satisfied and not view.model.rows()[2].satisfied

        # Drag: a drop between rows (after the last one) is one move on the server.
        version = view.student.wishes.server_list.version  # type: ignore[union-attr]
        mime = view.model.mimeData([view.model.index(0, 0)])
        assert not view.model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1,
                                              view.model.index(1, 0))  # never onto a row
        view.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
        assert shown(view)[2] == ("REIMS", "Médecine générale")  # moved at once, locally
        await until(lambda: view.student.wishes.server_list.version == version + 1)  # type: ignore[union-attr]
        assert server_cells(c, 2) == [c.cell("GRENOBLE", "Cardiologie"),
                                      c.cell("LYON", "Pédiatrie"),
                                      c.cell("REIMS", "Médecine générale")]
        assert view.model.rows()[1].satisfied  # LYON is green again

        # Ctrl+Up on the selected wish.
        view.table.setFocus()
        view.table.selectRow(2)
        qtbot.keyClick(view.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: server_cells(c, 2)[1] == c.cell("REIMS", "Médecine générale"))
        await until(lambda: shown(view)[1] == ("REIMS", "Médecine générale")
                    and view.model.rows()[1].number == 2)

        # A number typed in the first column moves the wish there.
        assert view.model.flags(view.model.index(2, COL_NUMBER)) & Qt.ItemFlag.ItemIsEditable
        view.model.setData(view.model.index(2, COL_NUMBER), "1")
        await until(lambda: server_cells(c, 2)[0] == c.cell("LYON", "Pédiatrie"))
        await until(lambda: shown(view) == [("LYON", "Pédiatrie"), ("GRENOBLE", "Cardiologie"),
                                            ("REIMS", "Médecine générale")])

        # Delete the selected wish with the button.
        view.table.selectRow(2)
        qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
        await until(lambda: len(server_cells(c, 2)) == 2)
        await until(lambda: shown(view) == [("LYON", "Pédiatrie"), ("GRENOBLE", "Cardiologie")],
                    message=f"{shown(view)} {server_cells(c, 2)}")

        # Someone above takes LYON Pédiatrie: my statuses change without my asking.
        r = c.put_wishes(first, [c.cell("LYON", "Pédiatrie")])
        assert r.status_code == 200, r.text
        await until(lambda: view.model.rows()[0].exhausted, timeout=10)
        assert view.model.rows()[0].label == "épuisé / 1"
        assert view.model.rows()[1].satisfied  # GRENOBLE is free again
        assert "le vœu n° 2 à GRENOBLE" in view.headline_label.text()

        # A click on a wish's subdivision shows who holds that cell's posts.
        view._cell_clicked(view.model.index(0, COL_SUBDIVISION))
        tables = area(window).tables_view
        await until(lambda: tables.dialog is not None and tables.dialog.isVisible())
        holders = tables.dialog.model.rows()  # type: ignore[union-attr]
        assert [(h.rank, h.label) for h in holders] == [(1, "simulé")]
        tables.dialog.close()  # type: ignore[union-attr]

        # « Mes historiques »: every change with its time; every receipt, verifiable.
        window.show_page("national_history")
        history = area(window).history_view
        await until(lambda: history.changes_model.rowCount() == 7)  # 3 adds, 3 moves, 1 del
        await until(lambda: history.receipts_model.rowCount() == 7)
        assert not history.empty_label.isVisible()
        actions = {history.changes_model.data(history.changes_model.index(r, 1))
                   for r in range(7)}
        assert actions == {"ajout", "déplacement", "suppression"}
        kept = view.student.wishes.receipts()  # type: ignore[union-attr]
        assert len(kept) == 7  # also kept on this computer (shown offline)
        history.receipts_table.selectRow(0)
        qtbot.mouseClick(history.verify_button, Qt.MouseButton.LeftButton)
        await until(lambda: history.verify_label.text() not in ("", "Sélectionnez d'abord un "
                                                                    "reçu."))
        newest = history.receipts_proxy.data(history.receipts_proxy.index(0, 0), ItemRole)
        assert newest.version == view.student.wishes.server_list.version  # type: ignore[union-attr]
        check = c.client.post(c.url("/receipts/verify"), json=encode(newest)).json()
        assert check["valid"] and history.verify_label.text() == check["message"]

    arun(scenario(), timeout=60)


def test_twenty_per_page_and_all_on_one_page(qtbot: QtBot) -> None:
    view = WishesView()
    qtbot.addWidget(view)
    rows = [WishRow(i, 100 + i, f"SUB{i}", "Spé", 3, f"{i} / 3") for i in range(1, 46)]
    view.model.set_rows(rows)
    view._update_pager()
    assert view.model.rowCount() == 20
    assert [view.page_combo.itemText(i) for i in range(view.page_combo.count())] == [
        "voir mes vœux n° 1 à n° 20", "voir mes vœux n° 21 à n° 40",
        "voir mes vœux n° 41 à n° 45"]
    view.page_combo.setCurrentIndex(2)
    assert view.model.rowCount() == 5
    assert view.model.data(view.model.index(0, 0)) == 41
    assert view.all_check.isVisible() or not view.isVisible()
    view.all_check.setChecked(True)
    assert view.model.rowCount() == 45
    view.all_check.setChecked(False)
    assert view.model.rowCount() == 20


def test_offline_edits_are_kept_and_synced_and_a_stale_sync_keeps_the_draft(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    c = campaign(server, [(1, "general", True)])
    me = c.students[1]
    lyon, reims = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    grenoble = c.cell("GRENOBLE", "Cardiologie")

    async def scenario() -> None:
        app = make_app(server.url)
        window = await open_main(qtbot, app, me.email or "")
        window.show_page("national_wishes")
        view = area(window).wishes_view
        await until(lambda: view.student is not None and view.student.me is not None
                    and view.subdivision_combo.count() > 0)
        await add(view, qtbot, "LYON", "Cardiologie")

        # 1. Offline: the edit is kept on this computer, shown as pending, sent on return.
        server.stop()
        await until(lambda: app.api.online is False or window.offline_shown, timeout=15)
        view.subdivision_combo.setEditText("REIMS")
        view.specialty_combo.setEditText("Médecine générale")
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
        await until(lambda: len(view.model.rows()) == 2)
        assert view.model.rows()[1].pending and not view.model.rows()[0].pending
        assert view.model.data(view.model.index(1, COL_STATUS)) == "en attente d'envoi"
        assert "attente d'envoi" in view.draft_banner.text
        assert view.student.wishes.draft is not None  # type: ignore[union-attr]
        server.start()
        await until(lambda: server_cells(c, 1) == [lyon, reims], timeout=20)
        await until(lambda: view.student.wishes.draft is None  # type: ignore[union-attr]
                    and not any(r.pending for r in view.model.rows()))
        assert not view.draft_banner.isVisible()

        # 2. Offline again; meanwhile the list changes elsewhere: the sync is refused
        #    (stale version), the draft is kept and explained, and can be re-applied.
        server.stop()
        await until(lambda: app.api.online is False, timeout=15)
        view.table.selectRow(0)
        view._delete_selected()
        await until(lambda: [r.cell_id for r in view.model.rows()] == [reims])
        server.start()
        r = c.put_wishes(me, [grenoble, lyon, reims])  # from another device
        assert r.status_code == 200, r.text
        sync = view.student.wishes  # type: ignore[union-attr]
        await until(lambda: sync.draft is not None and sync.draft.conflict, timeout=20)
        assert "Rien n'est perdu" in view.draft_banner.text
        assert "modifiée ailleurs" in view.banner.text  # the 409 stale_version, explained
        # The refusal carried the current list: known without asking again.
        assert [w.cell_id for w in sync.server_list.wishes] == [grenoble, lyon, reims]  # type: ignore[union-attr]
        assert view.draft_banner.action.isVisible() and view.discard_button.isVisible()
        assert [r.cell_id for r in view.model.rows()] == [reims]  # what he typed
        assert server_cells(c, 1) == [grenoble, lyon, reims]  # nothing was overwritten
        qtbot.mouseClick(view.draft_banner.action, Qt.MouseButton.LeftButton)
        await until(lambda: server_cells(c, 1) == [reims], timeout=20)
        await until(lambda: sync.draft is None and not view.draft_banner.isVisible(),
                    timeout=20)

    arun(scenario(), timeout=90)


def test_a_sync_queued_behind_a_refused_one_neither_resends_it_nor_undoes_the_re_apply(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    """Syncs queue on one lock (a refresh, the connection back, a click). The one behind a
    refused draft must not send it again, and its late answer must not overwrite the
    student's re-apply made meanwhile (a race seen under load: the re-apply was lost)."""
    c = campaign(server, [(1, "general", True)])
    me = c.students[1]
    lyon, reims = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")

    async def scenario() -> None:
        app = make_app(server.url)
        window = await open_main(qtbot, app, me.email or "")
        window.show_page("national_wishes")
        view = area(window).wishes_view
        await until(lambda: view.student is not None and view.student.me is not None
                    and view.subdivision_combo.count() > 0)
        await add(view, qtbot, "LYON", "Cardiologie")
        sync = view.student.wishes  # type: ignore[union-attr]
        base = sync.server_list.version  # type: ignore[union-attr]
        assert c.put_wishes(me, [reims, lyon]).status_code == 200  # another device
        sync._save_draft(Draft(base, (reims,), False))  # edited here on the older list
        async with sync._lock:  # two syncs queue behind whatever holds the lock
            first = asyncio.ensure_future(sync.sync())
            second = asyncio.ensure_future(sync.sync())
            await asyncio.sleep(0)
        assert await first is False  # refused: kept as a conflict, nothing lost
        reapplied = asyncio.ensure_future(sync.apply_draft())  # the student's click
        assert await second is False  # the refused draft is not sent again
        assert await reapplied is True
        assert server_cells(c, 1) == [reims]
        assert sync.draft is None

    arun(scenario(), timeout=60)


def test_the_wishes_screen_opens_offline_from_what_this_computer_kept(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    c = campaign(server, [(1, "general", True)])
    me = c.students[1]
    first = make_app(server.url)

    async def scenario() -> None:
        await first.start()
        dialog = first.signin_dialog
        assert dialog is not None
        dialog.remember_check.setChecked(True)
        dialog.email_edit.setText(me.email or "")
        dialog.password_edit.setText(PASSWORD)
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        await until(lambda: first.main_window is not None)
        view = area(first.main_window).wishes_view  # type: ignore[arg-type]
        await until(lambda: view.student is not None and view.student.me is not None
                    and view.subdivision_combo.count() > 0)
        await add(view, qtbot, "LYON", "Cardiologie")
        await first.shutdown()
        server.stop()

        again = AmphiApp(first.options)
        try:
            await again.start()
            assert again.main_window is not None
            national = area(again.main_window)
            view = national.wishes_view
            await until(lambda: view.student is not None and view.student.me is not None)
            assert view.status_line.text().startswith("Classé 1 ")
            assert shown(view) == [("LYON", "Cardiologie")]
            assert view.subdivision_combo.count() == 3  # my pool's offer, from the cache
            kept = view.student.wishes.receipts()  # type: ignore[union-attr]
            assert [len(r.cells) for r in kept] == [1]
            # An edit made now waits on this computer, and goes once the server is back.
            await add_pending(view, qtbot, "REIMS", "Médecine générale")
            server.start()
            await until(lambda: server_cells(c, 1) == [c.cell("LYON", "Cardiologie"),
                                                       c.cell("REIMS", "Médecine générale")],
                        timeout=20)
        finally:
            await again.shutdown()

    arun(scenario(), timeout=90)


async def add_pending(view: WishesView, qtbot: QtBot, sub: str, spec: str) -> None:
    view.subdivision_combo.setEditText(sub)
    view.specialty_combo.setEditText(spec)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    await until(lambda: any(r.pending for r in view.model.rows()))


def test_a_sync_refused_because_the_list_is_locked_keeps_the_draft_and_says_why(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    c = campaign(server, [(1, "general", True)])
    me = c.students[1]

    async def scenario() -> None:
        app = make_app(server.url)
        window = await open_main(qtbot, app, me.email or "")
        view = area(window).wishes_view
        await until(lambda: view.student is not None and view.student.me is not None
                    and view.subdivision_combo.count() > 0)
        server.stop()
        await until(lambda: app.api.online is False, timeout=15)
        await add_pending(view, qtbot, "LYON", "Cardiologie")
        server.start()
        r = c.client.put(c.url("/me/absence"), headers=me.headers, json={"absent": True})
        assert r.status_code == 200, r.text  # from another device: the list is now locked
        sync = view.student.wishes  # type: ignore[union-attr]
        await until(lambda: sync.draft is not None and sync.draft.conflict, timeout=20)
        assert "n'a pas pu être envoyée" in view.banner.text and "absent" in view.banner.text
        assert shown(view) == [("LYON", "Cardiologie")]  # nothing typed is lost
        assert server_cells(c, 1) == []

    arun(scenario(), timeout=60)


def test_the_picker_ignores_accents_and_case_and_lists_the_best_match_first(
        qtbot: QtBot) -> None:
    combo = SearchCombo("Discipline / spécialité…")
    qtbot.addWidget(combo)
    combo.set_items(["Chirurgie pédiatrique", "Médecine d'urgence", "Pédiatrie",
                     "Psychiatrie", "Gynécologie médicale"])
    combo.show()
    qtbot.keyClicks(combo.editor, "pedia")  # no accent, no capital
    assert combo.suggestions() == ["Pédiatrie", "Chirurgie pédiatrique"]
    combo.editor.clear()
    combo.editor.setText("Pédia")  # QTest types no accented letter: as the keyboard does
    combo.editor.textEdited.emit("Pédia")  # issue 15: « Chirurgie pédiatrique » came first
    assert combo.suggestions() == ["Pédiatrie", "Chirurgie pédiatrique"]
    combo.editor.clear()
    qtbot.keyClicks(combo.editor, "URGENCE")  # a word inside, any case
    assert combo.suggestions() == ["Médecine d'urgence"]
    combo.editor.clear()
    qtbot.keyClicks(combo.editor, "iatri")  # inside a word: after the word prefixes
    assert combo.suggestions() == ["Chirurgie pédiatrique", "Pédiatrie", "Psychiatrie"]
    combo.setEditText("Pediatrie")  # typed in full without its accent: accepted
    assert combo.value() == "Pédiatrie"
    combo.setEditText("gynecologie MEDICALE")
    assert combo.value() == "Gynécologie médicale"
    combo.setEditText("Pédia")
    assert combo.value() == ""  # a beginning is not a choice


def test_down_and_return_in_the_picker_choose_but_never_add(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    """Issue 15: Down+Return added a wish at once (a wrong one). Return only completes;
    adding is the button's click."""
    c = campaign(server, [(1, "general", True)])
    me = c.students[1]

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), me.email or "")
        window.show_page("national_wishes")
        view = area(window).wishes_view
        await until(lambda: view.student is not None and view.student.me is not None
                    and view.subdivision_combo.count() > 0)
        view.subdivision_combo.setEditText("lyon")
        editor = view.specialty_combo.editor
        editor.setFocus()
        qtbot.keyClicks(editor, "pedia")
        assert view.specialty_combo.suggestions() == ["Pédiatrie"]
        popup = view.specialty_combo.completer().popup()
        target = popup if popup.isVisible() else editor
        qtbot.keyClick(target, Qt.Key.Key_Down)
        qtbot.keyClick(popup if popup.isVisible() else editor, Qt.Key.Key_Return)
        assert view.specialty_combo.value() in ("Pédiatrie", "Cardiologie")
        await asyncio.sleep(0)  # a slot started by Return would have begun by now
        assert view.student is not None and view.student.wishes.draft is None
        assert view.model.rows() == [] and view.add_button.hasFocus()
        # The deliberate click adds the one wish chosen.
        view.specialty_combo.setEditText("Cardiologie")
        qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
        await until(lambda: len(view.model.rows()) == 1
                    and not any(r.pending for r in view.model.rows()))
        assert server_cells(c, 1) == [c.cell("LYON", "Cardiologie")]

    arun(scenario(), timeout=60)


def test_what_is_typed_in_a_picker_survives_a_refresh_of_its_list(qtbot: QtBot) -> None:
    """During the amphitheatre the wishes refresh every second or so, and the pickers with
    them: what the student was typing was cleared each time."""
    combo = SearchCombo("Discipline / spécialité…")
    qtbot.addWidget(combo)
    combo.set_items(["Cardiologie", "Pédiatrie"])
    qtbot.keyClicks(combo.editor, "pedia")
    combo.set_items(["Cardiologie", "Pédiatrie"])  # the same list again
    assert combo.editor.text() == "pedia" and combo.suggestions() == ["Pédiatrie"]
    combo.set_items(["Cardiologie", "Chirurgie pédiatrique", "Pédiatrie"])  # a new one
    assert combo.editor.text() == "pedia"
    assert combo.suggestions() == ["Pédiatrie", "Chirurgie pédiatrique"]


def test_the_wish_je_prends_takes_is_brought_into_view(qtbot: QtBot) -> None:
    """At my turn the satisfied wish (often below exhausted ones) is scrolled to, on its
    page, without being selected."""
    view = WishesView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    rows = [WishRow(i, 100 + i, f"SUB{i}", "Spé", 3, "épuisé / 3") for i in range(1, 46)]
    view.model.set_rows(rows)
    view._update_pager()
    view.show_wish(100 + 33)  # on the second page, far down
    assert view.model.page == 1 and view.page_combo.currentIndex() == 1
    row = view.model.row_of_cell(133)
    assert row is not None
    rect = view.table.visualRect(view.model.index(row, 0))
    assert view.table.viewport().rect().contains(rect.center())
    assert view.table.selected_row() is None
