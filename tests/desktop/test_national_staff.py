"""The agency's national screen against a real server: import with rejected lines, day
slices, running the amphitheatre (current student and his phone, skip), the public tables
with their cell view, all kept current by live events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from desktop.app import AmphiApp
from desktop.models import ItemRole
from desktop.ui.national.tables_view import CellDialog
from tests.conftest import TEST_EPOCH
from tests.desktop.conftest import RestartableServer, add_person, until
from tests.desktop.national_helpers import area, campaign, open_main

MakeApp = Callable[..., AmphiApp]
Run = Callable[..., Any]

TOMORROW = (TEST_EPOCH + timedelta(days=1)).date().isoformat()


def test_staff_import_slices_run_the_amphi_and_tables(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server: RestartableServer,
        tmp_path: Path) -> None:
    assert server.live is not None
    c = campaign(server, [(1, "general", True), (2, "general", True), (3, "general", False)])
    add_person(server.live, role="staff", email="agence@example.org", ine=None,
               last_name="Agent", first_name="Alice")
    lyon = c.cell("LYON", "Cardiologie")
    assert c.put_wishes(c.students[2], [lyon]).status_code == 200
    offer = tmp_path / "offre.csv"
    offer.write_text("Subdivision;Spécialité;Postes\nNANTES;Pédiatrie;4\n"
                     "NANTES;Cardiologie;beaucoup\n;Pédiatrie;2\n", encoding="utf-8")

    book = Workbook()
    sheet = book.active
    sheet.append(["Rang", "Nom", "Prénom", "Date de naissance"])
    sheet.append([4, "Nouveau", "Élise", "02/02/2000"])
    sheet.append(["quatre", "Sans", "Rang", "02/02/2000"])
    students_xlsx = tmp_path / "etudiants.xlsx"
    book.save(students_xlsx)

    async def scenario() -> None:
        window = await open_main(qtbot, make_app(server.url), "agence@example.org")
        assert "national_staff" in window.visible_pages()
        assert "national_wishes" not in window.visible_pages()
        window.show_page("national_staff")
        view = area(window).staff_view
        await until(lambda: view.campaign is not None and view.amphi is not None)
        assert view.campaign.id == c.id  # type: ignore[union-attr]
        assert view.start_button.isEnabled() and not view.pause_button.isEnabled()

        # Import: the good line is imported, every rejected line is listed with its reason.
        report = await view.import_file("offer", offer)
        assert report is not None and report.created == 1 and len(report.rejected) == 2
        assert view.rejected_table.isVisible()
        lines = [view.rejected_model.rows()[i].line for i in range(2)]
        assert lines == [3, 4]
        assert "2 refusée(s)" in view.report_label.text()
        await until(lambda: view.campaign is not None and view.campaign.cells == 6)
        # XLSX too, here only checked (dry run): nothing is imported, the report says so.
        view.dry_run_check.setChecked(True)
        report = await view.import_file("students", students_xlsx)
        assert report is not None and report.dry_run and len(report.rejected) == 1
        assert report.rejected[0].line == 3
        assert "rien n'a été importé" in view.report_label.text()
        assert c.client.get(c.url()).json()["students"] == 3
        view.dry_run_check.setChecked(False)

        # Day slices typed in the table, saved, read back.
        view._add_slice()
        for column, value in enumerate([TOMORROW, "1", "3", "09:00"]):
            view.slices_table.setItem(0, column, QTableWidgetItem(value))
        view.slices_table.setItem(0, 2, QTableWidgetItem("trois"))
        view._save_slices()
        await until(lambda: view.slices_error.isVisible())
        assert "Ligne 1" in view.slices_error.text()
        view.slices_table.setItem(0, 2, QTableWidgetItem("3"))
        view._save_slices()
        await until(lambda: len(c.client.get(c.url()).json()["day_slices"]) == 1)

        # Run the amphitheatre: its first day is tomorrow, so it waits for it (nobody
        # passes before his day): no turn to act on, the slice may be opened now.
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.amphi is not None and view.amphi.amphi_status == "running")
        await until(lambda: view.open_slice_button.isVisible())
        assert not view.skip_button.isEnabled() and not view.assign_button.isEnabled()
        assert "reprend" in view.radar_label.text()
        qtbot.mouseClick(view.open_slice_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.open_slice_button.isHidden() and view.skip_button.isEnabled())
        # The current student with his phone; skip him.
        await until(lambda: "classé 1" in view.current_name.text())
        assert view.current_phone.text() == "06 00 00 00 00"
        assert view.pause_button.isEnabled() and not view.start_button.isEnabled()
        assert view.next_model.rowCount() == 2

        async def yes(_question: str) -> bool:
            return True

        view.ask = yes  # type: ignore[method-assign]
        qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
        await until(lambda: "classé 2" in view.current_name.text())
        assert c.client.get(c.url("/radar")).json()["passed"] == 1
        # Assign the current one his first feasible wish.
        qtbot.mouseClick(view.assign_button, Qt.MouseButton.LeftButton)
        await until(lambda: "classé 3" in view.current_name.text())
        assert view.current_phone.text().startswith("non renseigné")

        # The public tables: sortable, filterable, a click opens the cell view.
        window.show_page("national_tables")
        tables = area(window).tables_view
        await until(lambda: tables.model.rowCount() == 5)  # general pool: 5 cells now
        assert "Passe maintenant : l'étudiant classé 3" in tables.radar_label.text()
        tables.filter_edit.setText("lyon")
        assert tables.proxy.rowCount() == 2
        tables.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        row = next(r for r in range(tables.proxy.rowCount())
                   if tables.proxy.data(tables.proxy.index(r, 1)) == "Cardiologie")
        assert tables.proxy.data(tables.proxy.index(row, 3)) == "1"  # 2 posts, 1 taken
        index = tables.proxy.index(row, 0)
        assert tables.proxy.data(index, ItemRole).cell_id == lyon
        tables._row_clicked(index)
        await until(lambda: isinstance(tables.dialog, CellDialog) and tables.dialog.isVisible())
        holders = tables.dialog.model.rows()  # type: ignore[union-attr]
        assert [(h.rank, h.label) for h in holders] == [(2, "affecté")]
        tables.dialog.close()  # type: ignore[union-attr]
        tables.kind_combo.setCurrentIndex(tables.kind_combo.findData("listing"))
        await until(lambda: tables.model.rowCount() == 3)

        # The last one passes: « Amphi terminé » and the site « Terminé » too (issue 15:
        # it stayed « En période d'amphi »).
        window.show_page("national_staff")
        qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
        await until(lambda: view.amphi is not None and view.amphi.amphi_status == "finished")
        await until(lambda: view.amphi_status.text() == "Amphi terminé · site : Terminé")
        await until(lambda: view.state_label.text() == "État actuel : Terminé")

    arun(scenario(), timeout=90)


@pytest.mark.parametrize(("registered", "words"), [
    (0, "(0 a défini son compte)"), (1, "(1 a défini son compte)"),
    (3674, "(3\u202f674 ont défini leur compte)")])
def test_the_staff_subtitle_agrees_in_number(qtbot: QtBot, registered: int,
                                             words: str) -> None:
    from desktop.api.national import NationalCampaign
    from desktop.ui.national.staff_view import StaffNationalView

    view = StaffNationalView()
    qtbot.addWidget(view)
    view.show_campaign(NationalCampaign(
        id=1, name="EDN 2026", state="amphi", state_label="En période d'amphi",
        amphi_status="running", hotline=None, day_start=None, pace_per_hour=(50, 70),
        wishes_page_size=20, students=8000, registered=registered, pools={}, cells=1012,
        posts=8700, day_slices=()))
    assert view.subtitle.text() == (
        f"EDN 2026 — 8\u202f000 étudiants classés {words}, 1\u202f012 cellules, "
        "8\u202f700 postes")
