"""`python -m tests.desktop.close_window_child SECONDS EMAILS ARGS…`: the real client,
used by hand.

Runs `desktop.app.main(ARGS)` as `python -m desktop ARGS` does. For each of the
comma-separated EMAILS ("-": none), SECONDS after the main window shows, it signs out
through the menu and signs in as that person (password « Motdepasse1 ») through the
sign-in dialog; SECONDS after the last main window shows, it closes that window the way
the title bar's close button does (`QWidget.close`, hence `closeEvent` and the app's own
quit path). Used by tests/desktop/test_signout.py to quit while live events arrive and
loads are in flight.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import main as run_client
from desktop.ui.main_window import MainWindow
from desktop.ui.signin_dialog import SignInDialog

PASSWORD = "Motdepasse1"


def main(argv: list[str]) -> int:
    delay, client_args = float(argv[0]), argv[2:]
    people = [e for e in argv[1].split(",") if e != "-"]
    qapp = QApplication(sys.argv[:1])  # the client's main() reuses it
    steps = [*(s for _ in people for s in ("sign out", "sign in")), "close"]
    seen: dict[int, float] = {}  # id of the main window -> when it first showed

    def shown(kind: type) -> object | None:
        return next((w for w in qapp.topLevelWidgets()
                     if isinstance(w, kind) and w.isVisible()), None)

    def step() -> None:
        if not steps:
            timer.stop()
            return
        if steps[0] == "sign in":
            dialog = shown(SignInDialog)
            if isinstance(dialog, SignInDialog):
                steps.pop(0)
                dialog.email_edit.setText(people.pop(0))
                dialog.password_edit.setText(PASSWORD)
                dialog.sign_in_button.click()
            return
        window = shown(MainWindow)
        if not isinstance(window, MainWindow):
            return
        first = seen.setdefault(id(window), time.monotonic())
        if time.monotonic() - first < delay:
            return
        if steps.pop(0) == "sign out":
            window.sign_out_action.trigger()
        else:
            window.close()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(50)
    try:
        return run_client(client_args)
    finally:
        timer.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
