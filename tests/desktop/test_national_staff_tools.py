"""The national tools of issue 16 in the real client against a real server: the agency's
exports of the assignments (saved where it says, progress, errors in French), its message to
a student (dialog on a student row; the student's client notifies it live, his history
keeps it), and the credentials frozen in « Mon profil » while the amphitheatre runs."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from desktop.ui.profile_view import ActivityView, ProfileView
from tests.desktop.conftest import PASSWORD, RestartableServer, add_person, until
from tests.desktop.national_helpers import area, campaign, open_main
from tests.server.test_national_staff_tools import assignments_in_db, candidate_ids

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]

THREE = [(1, "general", True), (2, "general", True), (3, "general", True)]


def test_staff_exports_the_assignments_and_writes_to_a_student(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer,
        tmp_path: Path) -> None:
    assert server.live is not None
    c = campaign(server, THREE)
    add_person(server.live, role="staff", email="agence@example.org", ine=None,
               last_name="Agent", first_name="Alice")
    lyon, reims = c.cell("LYON", "Cardiologie"), c.cell("REIMS", "Médecine générale")
    assert c.put_wishes(c.students[1], [lyon]).status_code == 200
    assert c.put_wishes(c.students[2], [reims]).status_code == 200
    ids = candidate_ids(c)
    asked: list[tuple[str, str]] = []
    target = {"path": tmp_path / "exports" / "affectations.csv"}

    async def ask_path(name: str, fmt: str) -> Path | None:
        asked.append((name, fmt))
        return target["path"]

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), "agence@example.org")
        window.show_page("national_staff")
        view = area(window).staff_view
        view.ask_path = ask_path  # type: ignore[method-assign]
        await until(lambda: view.campaign is not None and view.amphi is not None)
        # Before the amphi there is nothing to export: the button says when it will be.
        assert not view.export_button.isEnabled()
        assert "dès le début de l'amphi" in view.export_label.text()

        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
        await until(lambda: "classé 1" in view.current_name.text())
        assert c.staff_post("/staff/amphi/assign", {"candidate_id": ids[1]}).status_code == 200
        assert c.staff_post("/staff/amphi/assign", {"candidate_id": ids[2]}).status_code == 200
        await until(lambda: view.export_button.isEnabled() and "classé 3"
                    in view.current_name.text())

        # « Exporter » by UFR as CSV: where to save is asked first, then the file comes.
        (tmp_path / "exports").mkdir()
        view.export_group_combo.setCurrentIndex(view.export_group_combo.findData("faculty"))
        view.export_format_combo.setCurrentIndex(view.export_format_combo.findData("csv"))
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.last_export is not None)
        assert asked == [("affectations-par-ufr.csv", "csv")]
        assert not view.export_progress.isVisible() and view.export_button.isEnabled()
        assert "Exporté : 2 affectation(s)" in view.export_label.text()
        content = target["path"].read_bytes()
        assert content.startswith("\ufeff".encode())
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        assert {(int(r["Rang"]), r["Subdivision"], r["Spécialité"]) for r in rows} \
            == assignments_in_db(c)

        # Excel by specialty.
        target["path"] = tmp_path / "exports" / "affectations.xlsx"
        view.export_group_combo.setCurrentIndex(view.export_group_combo.findData("specialty"))
        view.export_format_combo.setCurrentIndex(view.export_format_combo.findData("xlsx"))
        view.last_export = None
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.last_export is not None)
        sheet = load_workbook(target["path"], read_only=True).active
        assert sheet is not None
        table = list(sheet.iter_rows(values_only=True))
        assert table[0][0] == "Spécialité" and len(table) == 3

        # A folder that cannot be written: a French error, the button back.
        target["path"] = tmp_path / "absent" / "affectations.xlsx"
        view.last_export = None
        await view.export("subdivision", "xlsx")
        assert view.last_export is None
        assert view.export_label.text().startswith("Enregistrement impossible")
        assert view.export_button.isEnabled() and not view.export_progress.isVisible()

        # « Envoyer un message » on the row of the third student (he is the current one
        # now: the button by his name); then on a row of « Les suivants » (none left).
        assert view.message_current_button.isEnabled()
        qtbot.mouseClick(view.message_current_button, Qt.MouseButton.LeftButton)
        dialog = view.message_dialog
        assert dialog is not None and dialog.isVisible()
        assert not dialog.send_button.isEnabled()  # nothing typed yet
        qtbot.keyClicks(dialog.text_edit, "Votre tour arrive : connectez-vous.")
        assert dialog.send_button.isEnabled()
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        await until(lambda: not dialog.isVisible())
        assert "Message envoyé à Prénom NOM" in view.banner.text
        assert "par courriel" in view.banner.text
        activity = c.client.get("/api/me/activity", headers=c.students[3].headers).json()
        assert any(a["action"] == "national_staff_message"
                   and a["detail"]["text"] == "Votre tour arrive : connectez-vous."
                   for a in activity)

        # Refused (the site is « Terminé » meanwhile): the reason in the dialog, text kept.
        qtbot.mouseClick(view.message_current_button, Qt.MouseButton.LeftButton)
        dialog = view.message_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.text_edit, "Dernier rappel")
        assert c.staff_post("/staff/amphi/pause").status_code == 200
        c.set_state("finished")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.error_label.isVisible())
        assert "terminée" in dialog.error_label.text()
        assert dialog.isVisible() and dialog.text_edit.toPlainText() == "Dernier rappel"
        assert dialog.send_button.isEnabled()
        dialog.reject()

    arun(scenario(), timeout=90)


def test_a_message_from_the_agency_in_the_next_students_row(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    assert server.live is not None
    c = campaign(server, THREE)
    add_person(server.live, role="staff", email="agence@example.org", ine=None,
               last_name="Agent", first_name="Alice")
    assert c.staff_post("/staff/amphi/start").status_code == 200
    ids = candidate_ids(c)

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), "agence@example.org")
        window.show_page("national_staff")
        view = area(window).staff_view
        await until(lambda: view.amphi is not None and view.next_model.rowCount() == 2)
        assert not view.message_next_button.isEnabled()
        assert view.select_student(ids[3])
        assert view.message_next_button.isEnabled()
        qtbot.mouseClick(view.message_next_button, Qt.MouseButton.LeftButton)
        dialog = view.message_dialog
        assert dialog is not None and dialog.student.candidate_id == ids[3]
        qtbot.keyClicks(dialog.text_edit, "Bonjour")
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
        await until(lambda: not dialog.isVisible())
        assert "Message envoyé" in view.banner.text

    arun(scenario(), timeout=60)


def test_the_student_is_notified_and_his_credentials_are_frozen_during_the_amphi(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer) -> None:
    assert server.live is not None
    c = campaign(server, THREE)
    student = c.students[2]
    ids = candidate_ids(c)

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), student.email or "")
        national = area(window)
        await until(lambda: national.student is not None)

        # The agency's message arrives live: notified, in the window's banner.
        r = c.staff_post(f"/staff/students/{ids[2]}/message",
                         {"text": "Votre tour approche :\nconnectez-vous."})
        assert r.status_code == 200, r.text
        await until(lambda: national.messages.sent)
        title, text = national.messages.sent[0]
        assert title.startswith("Message de l'agence") and text.startswith("Votre tour")
        await until(lambda: "Votre tour approche" in window.notice_banner.text)
        # … and in « Mon activité passée ».
        window.show_page("activity")
        activity = window.page("activity")
        assert isinstance(activity, ActivityView)
        await until(lambda: "national_staff_message" in [e.action for e in
                                                         activity.model.entries()])
        row = [e.action for e in activity.model.entries()].index("national_staff_message")
        assert activity.model.data(activity.model.index(row, 1)) == "Message de l'agence"
        assert "Votre tour approche : connectez-vous." in activity.model.data(
            activity.model.index(row, 2))

        # « Mon profil »: editable before the amphi; frozen (and why) once it starts.
        window.show_page("profile")
        profile = window.page("profile")
        assert isinstance(profile, ProfileView)
        assert profile.email_edit.isEnabled() and profile.password_button.isEnabled()
        assert c.staff_post("/staff/amphi/start").status_code == 200
        await until(lambda: not profile.email_edit.isEnabled())
        assert profile.frozen_banner.isVisibleTo(profile)
        assert "Vos autres coordonnées restent modifiables" in profile.frozen_banner.text
        for widget in (profile.secret_button, profile.answer_edit, profile.password_button,
                       profile.new_password_edit):
            assert not widget.isEnabled()
        # The other contact details are still saved.
        profile.phone_edit.setText("07 12 34 56 78")
        qtbot.mouseClick(profile.contact_button, Qt.MouseButton.LeftButton)
        await until(lambda: "Coordonnées enregistrées" in profile.banner.text)
        me = c.client.get("/api/me", headers=student.headers).json()
        assert me["phone"] == "07 12 34 56 78"

        # A client that has not heard yet: the server's refusal is shown, the typed text
        # stays, and the fields are disabled at once.
        profile.set_frozen(None)
        profile.current_password_edit.setText(PASSWORD)
        profile.new_password_edit.setText("Nouveau1motdepasse")
        profile.confirm_password_edit.setText("Nouveau1motdepasse")
        qtbot.mouseClick(profile.password_button, Qt.MouseButton.LeftButton)
        await until(lambda: not profile.password_button.isEnabled()
                    and bool(profile.frozen_reason))
        field = profile.password_errors.fields["new_password"]
        assert "mot de passe ne peut pas être modifié" in field.error_text
        assert profile.new_password_edit.text() == "Nouveau1motdepasse"

        # The amphi over (« Terminé »): editable again.
        assert c.staff_post("/staff/amphi/pause").status_code == 200
        c.set_state("finished")
        await until(lambda: profile.email_edit.isEnabled())
        assert not profile.frozen_banner.isVisibleTo(profile)

    arun(scenario(), timeout=90)
