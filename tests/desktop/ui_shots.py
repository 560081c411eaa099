"""Screenshots of every page of every demo account at 1280×720, in French, plus the
dialogs of issue 15 (not a test: run it, then look at the pictures).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/desktop/ui_shots.py [OUT_DIR]

Loads the demo data in a temporary directory and serves it (the demo intern's
amphitheatre runs live), signs in as each demo account, and saves one PNG per page
under OUT_DIR (default /tmp/shots-ui): `<account>-<page>.png`; then the widget
gallery, the guide shown inside Amphi, the registration steps and a print preview.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from qasync import QEventLoop

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.api.national import Assignment  # noqa: E402
from desktop.app import AmphiApp, Options, configure_application  # noqa: E402
from desktop.attestation import AttestationData, attestation_page  # noqa: E402
from desktop.ui.guide import GuideDialog  # noqa: E402
from desktop.ui.printing import PrintPreviewDialog  # noqa: E402
from desktop.ui.registration_dialog import RegistrationDialog  # noqa: E402
from server_stub.demo import load_demo  # noqa: E402
from server_stub.demo.plan import DEMO_ACCOUNTS  # noqa: E402
from server_stub.settings import Settings  # noqa: E402
from tests.conftest import start_live_server  # noqa: E402
from tests.desktop.theme_gallery import build_gallery  # noqa: E402
from tests.server.conftest import FAST_HASHING  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-ui")
SIZE = (1280, 720)


async def until(test: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.05)


async def shot(widget: QWidget, name: str) -> None:
    await asyncio.sleep(0.3)  # let the loop paint (never processEvents inside a task)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path, flush=True)


async def account_pages(url: str, data: Path, email: str, password: str) -> None:
    short = email.split("@")[0]
    app = AmphiApp(Options(server=url, data_dir=data / short))
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(password)
    dialog.sign_in_button.click()
    await until(lambda: app.main_window is not None and app.main_window.isVisible())
    window = app.main_window
    assert window is not None
    window.resize(*SIZE)
    await asyncio.sleep(1.5)
    await shot(window, f"{short}-00-start")
    for key in window.visible_pages():
        window.show_page(key)
        await asyncio.sleep(1.0)
        await shot(window, f"{short}-{key}")
        page = window.page(key)
        tabs = page.findChild(QTabWidget)
        if tabs is not None and tabs.isVisible():
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                await asyncio.sleep(0.6)
                await shot(window, f"{short}-{key}-tab{index}")
    await app.shutdown()


async def dialogs(url: str, data: Path) -> None:
    gallery = build_gallery()
    gallery.show()
    await shot(gallery, "gallery")
    gallery.close()
    guide = GuideDialog("amphitheatre")
    guide.resize(*SIZE)
    guide.show()
    await shot(guide, "guide-in-app")
    guide.close()
    app = AmphiApp(Options(server=url, data_dir=data / "registration"))
    registration = RegistrationDialog(app.account, server=url)
    registration.show()
    await shot(registration, "registration-1")
    registration.identity_summary.setText(
        "Identité reconnue : Camille Lefèvre, né(e) le 14/03/2000. Choisissez maintenant "
        "vos identifiants.")
    registration._go(registration.STEP_ACCOUNT)
    await shot(registration, "registration-2")
    registration.registered_email = "camille@exemple.fr"
    registration.mail_text.setText(
        "Votre compte est créé. Un lien de confirmation vient d'être envoyé à "
        "camille@exemple.fr : ouvrez-le pour activer votre compte, puis connectez-vous.")
    registration._go(registration.STEP_MAIL)
    await shot(registration, "registration-3")
    registration.show_confirmed("camille@exemple.fr")
    await shot(registration, "registration-3-confirmed")
    registration.close()
    data_ = AttestationData("Lefèvre", "Élise", "14/03/2000", 2, "EDN 2026 — choix des postes",
                            Assignment(cell_id=1, subdivision="REIMS",
                                       specialty="Médecine générale", k=1, capacity=3,
                                       wish_number=2, how="validated", code="C4EA-2720-A464",
                                       assigned_at=datetime(2026, 9, 14, 7, 30, tzinfo=UTC)))
    preview = PrintPreviewDialog("Attestation d'affectation",
                                 lambda: [attestation_page(data_)], save=lambda: None)
    preview.show()
    await shot(preview, "print-preview")
    preview.ask_printer()
    await asyncio.sleep(0.3)
    assert preview.print_dialog is not None
    await shot(preview.print_dialog, "print-dialog")
    preview.print_dialog.reject()
    preview.close()
    await app.shutdown()


async def main(data: Path, only: list[str]) -> None:
    load_demo(Settings(data_dir=data / "server", secret_key="shots", **FAST_HASHING))
    live, server, thread = start_live_server(
        data / "server", demo_mode=True, demo_simulated_participants=True,
        demo_simulation_pace_seconds=1.5, amphi_turn_seconds=90, **FAST_HASHING)
    try:
        if not only or "dialogs" in only:
            await dialogs(live.url, data)
        for account in DEMO_ACCOUNTS:
            name = str(account["email"]).split("@")[0]
            if only and name not in only:
                continue
            await account_pages(live.url, data, str(account["email"]),
                                str(account["password"]))
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    configure_application(qapp)
    loop = QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(main(Path(tmp), sys.argv[2:]))
