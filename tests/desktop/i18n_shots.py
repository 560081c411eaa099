"""Screenshots of the interface in English against the real demo (not a test: run it).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/desktop/i18n_shots.py [OUT_DIR]

Loads the demo data in a temporary directory, signs in as each demo account with the
interface in English, and saves the sign-in dialog, the « Préférences » dialog and every
page each person sees under /tmp/shots-i18n/ (make translations first).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget
from qasync import QEventLoop

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.app import AmphiApp, Options, configure_application  # noqa: E402
from desktop.ui.settings_dialog import SettingsDialog  # noqa: E402
from server_stub.demo import load_demo  # noqa: E402
from server_stub.settings import Settings  # noqa: E402
from tests.conftest import start_live_server  # noqa: E402
from tests.server.conftest import FAST_HASHING  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-i18n")
ACCOUNTS = [("etudiant@amphi.demo", "Etudiant2026"), ("interne@amphi.demo", "Interne2026"),
            ("docteur@amphi.demo", "Docteur2026"), ("rts@amphi.demo", "Superviseur2026"),
            ("coordo@amphi.demo", "Coordo2026"), ("ars@amphi.demo", "Agence2026")]


async def until(test: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not test():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.05)


async def shot(widget: QWidget, name: str) -> None:
    await asyncio.sleep(0.3)  # let the loop paint and the pages load
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


async def main(data: Path) -> None:
    load_demo(Settings(data_dir=data / "server", secret_key="shots", **FAST_HASHING))
    live, server, thread = start_live_server(data / "server", demo_mode=True, **FAST_HASHING)
    try:
        for n, (email, password) in enumerate(ACCOUNTS):
            who = email.split("@")[0]
            app = AmphiApp(Options(server=live.url, data_dir=data / f"c{n}"))
            await app.start()
            dialog = app.signin_dialog
            assert dialog is not None
            if n == 0:
                await shot(dialog, "00-signin")
            dialog.email_edit.setText(email)
            dialog.password_edit.setText(password)
            dialog.sign_in_button.click()
            await until(lambda app=app: app.main_window is not None
                        and app.main_window.isVisible())
            window = app.main_window
            assert window is not None
            window.resize(1280, 820)
            for key in window.visible_pages():
                window.show_page(key)
                await asyncio.sleep(1.0)
                await shot(window, f"{who}-{key}")
            if n == 0:
                window.preferences_action.trigger()
                await until(lambda w=window: w.findChild(SettingsDialog) is not None)
                settings = window.findChild(SettingsDialog)
                assert settings is not None
                await shot(settings, "01-preferences")
                settings.reject()
            await app.shutdown()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    configure_application(qapp, "en")
    loop = QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(main(Path(tmp)))
