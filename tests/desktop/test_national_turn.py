"""The turn panel's colour at several distances, my turn, the three steps of the
validation against a real server, the assignment afterwards and its PDF attestation."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.api.national import Headline, Pace, Turn
from desktop.app import AmphiApp
from desktop.sync.notifications import TurnNotifier
from desktop.ui.confirmation import FinalDialog, IrrevocableDialog
from desktop.ui.national.turn_panel import BLUE, RED, TurnPanel, closeness, turn_colour
from tests.conftest import TEST_EPOCH
from tests.desktop.conftest import RestartableServer, until
from tests.desktop.national_helpers import SECRET, area, campaign, open_main

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]


def turn(people_before: int, *, my_turn: bool = False, status: str = "running") -> Turn:
    return Turn(amphi_status=status, current_rank=100, current_position=100,
                my_position=100 + people_before, people_before=people_before, my_turn=my_turn,
                turn_started_at=datetime.now(UTC), turn_deadline=None,
                pace=Pace(low=50, high=70, turns=30, seconds=1800),
                wait_seconds=[people_before * 3600 // 70, people_before * 3600 // 50])


def redness(people_before: int, my_turn: bool = False) -> float:
    c = turn_colour(people_before, my_turn)
    return c.redF() - c.blueF()


def said_on_screen(window: QWidget, words: str) -> int:
    """How many labels shown in `window` say `words`."""
    return sum(1 for label in window.findChildren(QLabel)
               if label.isVisible() and words in label.text())


def shown_height(widget: QWidget) -> int:
    """The height of `widget` not clipped by its parents (a scroll area's viewport)."""
    return widget.visibleRegion().boundingRect().height()


def fully_shown(widget: QWidget) -> bool:
    return widget.isVisible() and shown_height(widget) == widget.height()


def test_the_colour_moves_from_blue_to_red_as_the_turn_approaches() -> None:
    assert turn_colour(5000) == BLUE
    assert turn_colour(0, my_turn=True) == RED
    distances = [5000, 400, 250, 100, 50, 15, 5, 1, 0]
    values = [redness(d) for d in distances]
    assert values == sorted(values), values  # monotonic: closer is redder
    assert len(set(values[1:])) == len(values) - 1  # and it really moves at each step
    # Smooth: no jump bigger than a third of the range between neighbouring distances.
    steps = [closeness(d) - closeness(d + 1) for d in range(0, 400)]
    assert max(steps) < 0.34 and min(steps) >= 0


@pytest.mark.parametrize(("before", "title"), [
    (1200, "Votre tour est encore loin : 1\u202f200 personnes avant vous"),  # narrow nbsp
    (60, "Votre tour approche : 60 personnes avant vous"),
    (7, "Votre tour est très proche : 7 personnes avant vous"),
    (1, "Vous êtes le prochain : 1 personne avant vous"),
])
def test_the_panel_says_in_words_what_its_colour_says(qtbot: QtBot, before: int,
                                                      title: str) -> None:
    panel = TurnPanel()
    qtbot.addWidget(panel)
    panel.set_turn(turn(before), passing=before + 1, rank=before + 1)
    assert panel.title.text() == title
    assert panel.colour == turn_colour(before)
    assert "Passe maintenant : l'étudiant classé 100." == panel.now_label.text()
    assert "votre tour dans" in panel.pace_label.text()
    assert panel.take_button.isHidden()
    # Screen readers get the same words (the colour is never the only signal).
    assert panel.accessibleDescription().startswith(title)


def test_at_my_turn_the_panel_is_red_and_offers_the_button(qtbot: QtBot) -> None:
    panel = TurnPanel()
    qtbot.addWidget(panel)
    panel.set_turn(turn(0, my_turn=True), passing=3, rank=3)
    assert panel.title.text() == "C'EST VOTRE TOUR"
    assert panel.colour == RED
    headline = Headline(wish_number=2, cell_id=7, subdivision="REIMS",
                        specialty="Discipline : ANESTHÉSIE réanimation", k=13, capacity=14,
                        text="…", situation="feasible")
    panel.set_choice(headline)
    assert not panel.take_button.isHidden()
    assert panel.take_button.text() == (
        "JE PRENDS en 13 / 14 le vœu n° 2 à REIMS en Discipline : ANESTHÉSIE réanimation")
    # Between two fetches, a `turn_started` moves the panel (animated when shown).
    panel.set_turn(turn(30), passing=3, rank=3)
    panel.set_people_before(29, current_rank=101)
    assert "29 personnes" in panel.title.text() and "101" in panel.now_label.text()


def test_the_pace_and_the_wait_read_as_ranges_or_too_early(qtbot: QtBot) -> None:
    """« Il en passe 50-70 à l'heure » and the time to my turn as a range, from the pace
    the server observed; moved by `turn_started` events between fetches; and « trop
    tôt » while the server could not tell yet (issue 15: not « 600 choix par heure »)."""
    panel = TurnPanel()
    qtbot.addWidget(panel)
    panel.set_turn(turn(120), passing=3675, rank=3775)
    assert panel.pace_label.text() == (
        "Il en passe 50-70 à l'heure — votre tour dans 1 h 43 à 2 h 24.")
    assert panel.mine_label.text() == (
        "Votre rang : 3\u202f775 — vous allez être 3\u202f675e de votre contingent à choisir.")
    pace = Pace(low=50, high=70, turns=30, seconds=1800)
    panel.set_people_before(30, pace=pace)  # a turn_started event: the wait follows
    assert panel.pace_label.text().endswith("votre tour dans 26 min à 36 min.")
    panel.set_people_before(1, pace=Pace(low=100, high=120, turns=40, seconds=1200))
    assert panel.pace_label.text() == (
        "Il en passe 100-120 à l'heure — votre tour dans moins de 2 minutes.")
    early = Turn(amphi_status="running", current_rank=10, current_position=10, my_position=400,
                 people_before=390, my_turn=False, turn_started_at=None, turn_deadline=None,
                 pace=None, wait_seconds=None)
    panel.set_turn(early, passing=400, rank=400)
    assert panel.pace_label.text().startswith("Trop tôt pour estimer")
    assert "heure" not in panel.pace_label.text()


def test_notifications_once_when_near_and_once_at_my_turn(qtbot: QtBot) -> None:
    shown: list[str] = []
    notifier = TurnNotifier(lambda text, _kind: shown.append(text))
    notifier.use_tray = False  # as on a desktop without a tray: the banner is the fallback
    for before in (300, 50, 12, 9, 8, 3):
        notifier.update(before, False)
    notifier.update(0, True)
    notifier.update(0, True)
    assert len(notifier.sent) == 2
    assert "9 personne(s) avant vous" in notifier.sent[0]
    assert "C'EST VOTRE TOUR" in notifier.sent[1]


def test_three_steps_at_my_turn_then_my_assignment_and_its_attestation(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer,
        tmp_path: Path) -> None:
    c = campaign(server, [(1, "general", True), (2, "general", True)], state="wishes_open")
    first, me = c.students[1], c.students[2]
    lyon, reims = c.cell("LYON", "Pédiatrie"), c.cell("REIMS", "Médecine générale")
    assert c.put_wishes(first, [lyon]).status_code == 200
    assert c.put_wishes(me, [lyon, reims]).status_code == 200

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), me.email or "")
        national = area(window)
        national.attestation_dir = tmp_path
        window.show_page("national_wishes")
        view = national.wishes_view
        panel = view.turn_panel
        await until(lambda: view.student is not None and view.student.me is not None)
        assert panel.isHidden()  # no amphitheatre yet

        r = c.staff_post("/staff/amphi/start")
        assert r.status_code == 200, r.text
        await until(lambda: panel.isVisible() and panel.turn is not None
                    and panel.turn.amphi_status == "running")
        assert panel.people_before == 1
        assert "Vous êtes le prochain" in panel.title.text()
        assert panel.secret_row.isVisible()  # he must answer his secret question once
        assert panel.take_button.isHidden()
        far = QtColor(panel.colour)
        # On any other page, a strip above the page says the same, in the same colour.
        strip = national.turn_strip
        assert strip.isHidden()  # on « Mes vœux » the panel is enough
        window.show_page("national_tables")
        await until(lambda: strip.isVisible())
        assert strip.title.text() == panel.title.text()
        assert strip.button.text() == "Voir mes vœux"
        window.show_page("national_wishes")
        await until(lambda: strip.isHidden())

        # The one before me validates: my turn comes, pushed by the server.
        r = c.client.post(c.url("/me/enter"), headers=first.headers,
                          json={"secret_answer": SECRET})
        assert r.status_code == 200, r.text
        r = c.client.post(c.url("/me/validate"), headers=first.headers,
                          json={"idempotency_key": "first-student-1", "cell_id": lyon})
        assert r.status_code == 200, r.text
        await until(lambda: panel.my_turn, timeout=10)
        assert panel.title.text() == "C'EST VOTRE TOUR"
        # Notified (no system tray offscreen: the window asks for attention); never a
        # second banner above the panel (issue 15: yellow and red stacked, and JE PRENDS
        # pushed down when the yellow one appeared).
        assert national.notifier.sent[0].startswith("Plus que 1 personne(s) avant vous")
        await until(lambda: any("C'EST VOTRE TOUR" in t for t in national.notifier.sent))
        assert not window.notice_banner.isVisible()
        await until(lambda: panel.colour == RED)
        assert far != RED
        window.show_page("national_history")
        await until(lambda: strip.isVisible() and strip.title.text() == "C'EST VOTRE TOUR")
        assert strip.button.text() == "Choisir maintenant"
        assert "ci-dessous" not in strip.detail.text() and "Mes vœux" in strip.detail.text()
        strip.button.click()
        assert window.current_page() == "national_wishes" and strip.isHidden()
        # Wrong secret answer: said beside the field, what was typed stays selectable.
        asked = panel.secret_label.text()
        assert asked.endswith("Ville de naissance de ma grand-mère ?")
        panel.secret_edit.setText("Paris")
        panel.enter_button.click()
        await until(lambda: panel.secret_label.text() != asked)
        assert panel.secret_edit.text() == "Paris" and panel.secret_row.isVisible()
        panel.secret_edit.setText(SECRET.lower())
        panel.enter_button.click()
        await until(lambda: not panel.secret_row.isVisible())
        await until(lambda: panel.take_button.isVisible() and panel.take_button.isEnabled())
        assert panel.take_button.text() == (
            "JE PRENDS en 1 / 3 le vœu n° 2 à REIMS en Médecine générale")
        assert said_on_screen(window, "C'EST VOTRE TOUR") == 1
        # On a 1280×720 or 1366×768 screen: JE PRENDS and the wishes without scrolling.
        for width, height in ((1280, 720), (1366, 768)):
            window.resize(width, height)
            await until(lambda w=width, h=height: window.size() == QSize(w, h))
            QApplication.processEvents()
            assert fully_shown(panel.take_button), (width, height)
            assert shown_height(view.table.viewport()) >= 4 * view.table.verticalHeader()\
                .defaultSectionSize(), (width, height)

        async def step2() -> IrrevocableDialog:
            await until(lambda: view.steps is not None
                        and isinstance(view.steps.current, IrrevocableDialog))
            dialog = view.steps.current  # type: ignore[union-attr]
            assert isinstance(dialog, IrrevocableDialog)
            return dialog

        # Step 1 then "Non, je reviens à mes choix": nothing sent.
        qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
        dialog = await step2()
        text = dialog.warning.text
        assert "irrévocable" in text and "non répudiable" in text and "non contestable" in text
        assert "REIMS" in dialog.post_label.text()
        qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.steps is None)
        assert c.me(me)["outcome"] is None

        # Steps 1, 2 then "Annuler" at the last box: still nothing. Step 1 by keyboard.
        window.activateWindow()
        await until(lambda: QApplication.activeWindow() is window)
        QTest.keyClick(panel.take_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.mouseClick((await step2()).confirm_button, Qt.MouseButton.LeftButton)
        await until(lambda: isinstance(view.steps.current, FinalDialog))  # type: ignore[union-attr]
        final = view.steps.current  # type: ignore[union-attr]
        assert isinstance(final, FinalDialog)
        assert "en 1 / 3 le vœu n° 2 à REIMS en Médecine générale" in final.question.text()
        qtbot.mouseClick(final.cancel_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.steps is None)
        assert c.me(me)["outcome"] is None

        # The three clicks: validated.
        qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick((await step2()).confirm_button, Qt.MouseButton.LeftButton)
        await until(lambda: isinstance(view.steps.current, FinalDialog))  # type: ignore[union-attr]
        qtbot.mouseClick(view.steps.current.ok_button,  # type: ignore[union-attr]
                         Qt.MouseButton.LeftButton)
        await until(lambda: view.assignment_card.isVisible(), timeout=10)
        server_me = c.me(me)
        assert server_me["outcome"] == "validated"
        assert server_me["assignment"]["cell_id"] == reims
        assert "REIMS en Médecine générale — poste 1 / 3" == view.assignment_text.text()
        assert server_me["assignment"]["code"] in view.assignment_details.text()
        assert panel.isHidden() and view.absence_card.isHidden()
        assert view.add_row.isHidden() and view.delete_button.isHidden()  # a record now
        assert said_on_screen(window, "C'EST VOTRE TOUR") == 0  # it is over

        # « Imprimer mon affectation »: a print preview of the page (issue 15, point 11),
        # whose « Imprimer… » goes through Qt's print dialog, not « open the PDF ».
        qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
        await until(lambda: national.print_preview is not None
                    and national.print_preview.isVisible())
        preview = national.print_preview
        assert preview is not None and preview.preview.pageCount() == 1
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
        await until(lambda: preview.print_dialog is not None
                    and preview.print_dialog.isVisible(), message="no print dialog")
        assert isinstance(preview.print_dialog, QPrintDialog)
        preview.print_dialog.reject()
        # What the printer receives: the same page (printed to a PDF file here).
        printed = tmp_path / "imprimé.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setFullPage(True)
        preview.paint(printer)
        paper = unicodedata.normalize("NFKC", subprocess.run(  # "ﬀ" ligatures → "ff"
            ["pdftotext", "-layout", str(printed), "-"], check=True, capture_output=True,
            text=True).stdout)
        for expected in ("Attestation d'affectation", "REIMS", server_me["assignment"]["code"]):
            assert expected in paper, (expected, paper)
        # « Enregistrer en PDF… »: a PDF with accents, identity, rank, post and code.
        assert preview.save_button is not None
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: national.last_attestation is not None
                    and national.last_attestation.exists())
        preview.close()
        pdf = national.last_attestation
        assert pdf is not None
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        for expected in ("Attestation d'affectation", "Prénom", "Rang de classement", "2",
                         "REIMS", "Médecine générale", server_me["assignment"]["code"]):
            assert expected in text, (expected, text)
        assert re.search(r"Nom\s+NOM\d+X2", text), text  # identity
        assert re.search(r"Poste\s+1\s*/\s*3", text), text
        # Contact details stay editable: the button leads to the profile page.
        qtbot.mouseClick(view.contact_button, Qt.MouseButton.LeftButton)
        assert window.current_page() == "profile"

    arun(scenario(), timeout=90)


def QtColor(colour: Any) -> Any:  # noqa: N802 - reads like the Qt class it copies
    from PySide6.QtGui import QColor

    return QColor(colour)


def test_absence_toggle_demotion_and_the_automatic_assignment_at_my_turn(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    c = campaign(server, [(1, "general", True), (2, "general", False), (3, "general", False)])
    me = c.students[1]
    lyon = c.cell("LYON", "Pédiatrie")
    assert c.put_wishes(me, [lyon]).status_code == 200

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), me.email or "")
        window.show_page("national_wishes")
        view = area(window).wishes_view
        await until(lambda: view.student is not None and view.student.me is not None)
        assert "Vous êtes présent" in view.absence_state.text()
        assert "inutile de m'attendre" in view.absence_help.text()  # what absence means

        # Demotion: pass behind rank 3, then cancel.
        assert view.demotion_spin.minimum() == 2 and view.cancel_demotion_button.isHidden()
        view.demotion_spin.setValue(3)
        qtbot.mouseClick(view.demotion_button, Qt.MouseButton.LeftButton)
        await until(lambda: c.me(me)["demoted_behind"] == 3)
        await until(lambda: "derrière le rang 3" in view.status_line.text())
        assert view.cancel_demotion_button.isVisible()
        qtbot.mouseClick(view.cancel_demotion_button, Qt.MouseButton.LeftButton)
        await until(lambda: c.me(me)["demoted_behind"] is None)

        # Absent: the list is locked (said why); then back; then absent for good.
        qtbot.mouseClick(view.absence_button, Qt.MouseButton.LeftButton)
        await until(lambda: c.me(me)["absent"] is True)
        await until(lambda: "déclaré absent" in view.absence_state.text())
        assert view.absence_button.text() == "J'annule mon absence"
        # (the lock follows the wishes' own answer, which may come a moment later)
        await until(lambda: view.read_only_label.isVisible() and view.read_only_label.text())
        assert not view.add_row.isEnabled()
        qtbot.mouseClick(view.absence_button, Qt.MouseButton.LeftButton)
        await until(lambda: c.me(me)["absent"] is False and view.add_row.isEnabled())
        qtbot.mouseClick(view.absence_button, Qt.MouseButton.LeftButton)
        await until(lambda: c.me(me)["absent"] is True)

        # At my turn the server assigns my first feasible wish; the screen shows it.
        assert c.staff_post("/staff/amphi/start").status_code == 200
        await until(lambda: view.assignment_card.isVisible(), timeout=15)
        assert c.me(me)["outcome"] == "auto_assigned"
        assert view.assignment_text.text() == "LYON en Pédiatrie — poste 1 / 1"
        assert view.turn_panel.isHidden()

    arun(scenario(), timeout=60)


def test_my_day_slice_the_wait_for_it_and_staff_opening_it_early(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    """Nobody passes before his day: my panel says my day, then that the amphitheatre
    waits for it; « Tranches de passage… » lists the days (mine in bold) and the hotline;
    when the agency opens my slice early, my turn comes by push."""
    c = campaign(server, [(1, "general", True), (2, "general", True), (3, "general", True)],
                 state="wishes_open")
    first, me = c.students[1], c.students[2]
    lyon, reims = c.cell("LYON", "Pédiatrie"), c.cell("REIMS", "Médecine générale")
    assert c.put_wishes(first, [lyon]).status_code == 200
    assert c.put_wishes(me, [lyon, reims]).status_code == 200
    today, tomorrow = TEST_EPOCH - timedelta(hours=1), \
        (TEST_EPOCH + timedelta(days=1)).replace(hour=8, minute=0)
    r = c.client.put(c.url("/staff/day-slices"), headers=c.staff, json=[
        {"day": d.date().isoformat(), "rank_from": a, "rank_to": b, "starts_at": d.isoformat()}
        for d, a, b in ((today, 1, 1), (tomorrow, 2, 3))])
    assert r.status_code == 200, r.text

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), me.email or "")
        national = area(window)
        window.show_page("national_wishes")
        view = national.wishes_view
        panel = view.turn_panel
        await until(lambda: view.student is not None and view.student.me is not None)
        assert c.staff_post("/staff/amphi/start").status_code == 200
        await until(lambda: panel.isVisible() and panel.turn is not None
                    and panel.turn.amphi_status == "running")
        assert "Votre jour de passage : " in panel.mine_label.text()
        assert "(rangs 2 à 3)" in panel.mine_label.text()
        # The one before me validates: the day's ranks are over, the amphitheatre waits.
        c.client.post(c.url("/me/enter"), headers=first.headers, json={"secret_answer": SECRET})
        r = c.client.post(c.url("/me/validate"), headers=first.headers,
                          json={"idempotency_key": "slice-first-1", "cell_id": lyon})
        assert r.status_code == 200, r.text
        await until(lambda: panel.turn is not None and panel.turn.waiting_until is not None)
        assert panel.title.text().startswith("L'amphithéâtre reprend ")
        # (in the computer's time zone, whatever this machine's is)
        assert f" à {tomorrow.astimezone().hour} h 00" in panel.title.text()
        assert not panel.my_turn
        assert panel.take_button.isHidden()
        # The days, from the public tables.
        window.show_page("national_tables")
        tables = national.tables_view
        assert tables.slices_button.isVisible()
        tables.slices_button.click()
        await until(lambda: tables.slices_dialog is not None
                    and tables.slices_dialog.isVisible())
        dialog = tables.slices_dialog
        assert dialog is not None and dialog.table.rowCount() == 2
        assert dialog.table.item(1, 0).font().bold() and not dialog.table.item(0, 0).font().bold()
        assert "01 77 35 61 80" in dialog.findChild(QLabel, "hotline").text()
        dialog.reject()
        window.show_page("national_wishes")
        # The agency opens my slice this evening: my turn comes, pushed.
        assert c.staff_post("/staff/amphi/open-next-slice").status_code == 200
        await until(lambda: panel.my_turn, timeout=10)
        assert panel.title.text() == "C'EST VOTRE TOUR"

    arun(scenario(), timeout=90)
