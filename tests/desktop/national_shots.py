"""Screenshots of the national screens against a running demo server (to look at them).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.desktop.national_shots \
        --server http://127.0.0.1:8000 --out /tmp/shots-national [--start-amphi] [--wait-turn] \
        [--size 1280x720]

Signs in as the demo student (then the demo agent), shows each national page and saves
a PNG of the window. With --start-amphi the agent starts the amphitheatre (the demo's
simulated students then validate at their turn); --wait-turn waits until the student's
turn and shots the red panel and the three steps (without the final OK). With
--start-amphi also: the agency's export card and its « Envoyer un message » dialog, the
student's « Mon profil » with the credentials frozen, and the agency's message in his window.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from qasync import QEventLoop

from desktop.app import AmphiApp, Options, configure_application
from desktop.areas.national import NationalArea


async def grab(widget: QWidget, path: Path) -> None:
    await asyncio.sleep(1.2)  # layout, animations, answers
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path), "PNG")
    print(path)


SIZE = (1280, 720)  # the smallest screen the issue 15 asks for


async def signed_in(url: str, email: str, password: str) -> AmphiApp:
    app = AmphiApp(Options(server=url, data_dir=Path(tempfile.mkdtemp())))
    await app.account.sign_in(url, email, password, remember=False)
    window = app.show_main()
    window.resize(*SIZE)
    return app


async def run(url: str, out: Path, start_amphi: bool, wait_turn: bool) -> None:
    accounts = {a["email"]: a["password"] for a in httpx.get(f"{url}/api/demo/accounts").json()}
    student = await signed_in(url, "etudiant@amphi.demo", accounts["etudiant@amphi.demo"])
    window = student.main_window
    assert window is not None
    area: NationalArea = window.national_area  # type: ignore[attr-defined]
    window.show_page("national_wishes")
    await asyncio.sleep(2)
    await grab(window, out / "01-wishes.png")
    area.wishes_view.all_check.setChecked(True)
    await grab(window, out / "02-wishes-all.png")
    area.wishes_view.all_check.setChecked(False)
    window.show_page("national_tables")
    await grab(window, out / "03-tables-final.png")
    area.tables_view.kind_combo.setCurrentIndex(area.tables_view.kind_combo.findData("mine"))
    await grab(window, out / "04-tables-mine.png")
    view = area.tables_view
    view._row_clicked(view.proxy.index(3, 0))
    await asyncio.sleep(1.0)
    if view.dialog is not None:
        await grab(view.dialog, out / "05-cell-view.png")
        view.dialog.close()
    window.show_page("national_history")
    await grab(window, out / "06-history.png")

    staff = await signed_in(url, "ars@amphi.demo", accounts["ars@amphi.demo"])
    assert staff.main_window is not None
    staff.main_window.show_page("national_staff")
    await grab(staff.main_window, out / "07-staff.png")
    staff.main_window.resize(1280, 1900)
    await grab(staff.main_window, out / "07b-staff-full.png")
    staff.main_window.resize(*SIZE)
    if start_amphi:
        staff_view = staff.main_window.national_area.staff_view  # type: ignore[attr-defined]
        staff_view.start_button.click()
        await asyncio.sleep(3)
        await grab(staff.main_window, out / "08-staff-running.png")
        await issue16_shots(out, window, staff.main_window, staff_view)
    window.show_page("national_tables")
    await asyncio.sleep(1)
    await grab(window, out / "08b-tables-with-turn-strip.png")
    window.show_page("national_wishes")
    await grab(window, out / "09-wishes-amphi.png")
    if wait_turn:
        panel = area.wishes_view.turn_panel
        shot = 10
        while not panel.my_turn:
            await asyncio.sleep(5)
            if panel.people_before in range(1, 16) and shot < 13:
                await grab(window, out / f"{shot}-near.png")
                shot += 1
        await grab(window, out / "14-my-turn.png")
        panel.secret_edit.setText("Pollux")
        panel.enter_button.click()
        await asyncio.sleep(1.5)
        await grab(window, out / "15-my-turn-entered.png")
        panel.take_button.click()
        await asyncio.sleep(1)
        steps = area.wishes_view.steps
        if steps is not None and steps.current is not None:
            await grab(steps.current, out / "16-step2.png")
            steps.current.accept()
            await asyncio.sleep(0.5)
            if steps.current is not None:
                await grab(steps.current, out / "17-step3.png")
                steps.current.accept()
        await asyncio.sleep(3)
        await grab(window, out / "18-assigned.png")
    await staff.shutdown()
    await student.shutdown()


async def issue16_shots(out: Path, student: QWidget, staff: QWidget, staff_view: Any) -> None:
    """The exports card, the message dialog, the frozen profile and the message received."""
    for scroll in staff_view.findChildren(QScrollArea):
        scroll.ensureWidgetVisible(staff_view.export_label)
    await grab(staff, out / "08c-staff-exports.png")
    first = staff_view.amphi.next[0] if staff_view.amphi and staff_view.amphi.next else None
    if first is not None:
        dialog = staff_view.open_message(first)
        dialog.text_edit.setPlainText("Bonjour, votre tour approche : connectez-vous à Amphi "
                                      "ou appelez l'agence au 01 77 35 61 80.")
        await grab(dialog, out / "08d-message-dialog.png")
        dialog.reject()
    student.show_page("profile")  # type: ignore[attr-defined]
    await grab(student, out / "19-profile-frozen.png")
    profile = student.page("profile")  # type: ignore[attr-defined]
    for scroll in profile.findChildren(QScrollArea):
        scroll.ensureWidgetVisible(profile.password_button)
    await grab(student, out / "19b-profile-frozen-fields.png")
    national = student.national_area  # type: ignore[attr-defined]
    national._show_message({"text": "Bonjour, votre tour approche : connectez-vous à Amphi "
                                    "ou appelez l'agence au 01 77 35 61 80.",
                            "author": "Agence régionale de santé"})
    student.show_page("national_wishes")  # type: ignore[attr-defined]
    await grab(student, out / "20-student-message.png")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="http://127.0.0.1:8000")
    parser.add_argument("--out", type=Path, default=Path("/tmp/shots-national"))
    parser.add_argument("--start-amphi", action="store_true")
    parser.add_argument("--wait-turn", action="store_true")
    parser.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    global SIZE
    width, height = args.size.split("x")
    SIZE = (int(width), int(height))
    qapp = QApplication.instance() or QApplication(sys.argv)
    configure_application(qapp)  # type: ignore[arg-type]
    loop = QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run(args.server, args.out, args.start_amphi, args.wait_turn))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
