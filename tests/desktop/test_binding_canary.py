"""The Qt binding keeps Python's reference counts: the canary of the pinned PySide6.

PySide6 6.12.0 on Python 3.11 drops one reference to None at every
`QWidget.setVisible(False)` / `setEnabled(True)`, and `Signal(int, object).emit(1, None)`
corrupts True's count: after a few thousand such calls, minutes into a live amphitheatre,
the interpreter aborts (`Fatal Python error: bool_dealloc`). The calls below are the ones
the client makes on every live event; they run in a child process so that a broken binding
fails this test instead of killing the suite. (On Python >= 3.12 None, True and False are
immortal: an extension built for the stable ABI still moves their stored count, but the
interpreter does not, so only the mortal object carried by the signal and the property is
watched there.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 3000

CANARY = textwrap.dedent(f"""
    import json, sys
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

    class Emitter(QObject):
        changed = Signal(int, object)
        flag = Signal(bool)

    app = QApplication([])
    window = QWidget()
    label, button = QLabel(window), QPushButton(window)
    emitter = Emitter()
    received = []
    emitter.changed.connect(lambda n, value: received.append(value))
    emitter.flag.connect(lambda value: received.append(value))
    payload = object()  # mortal on every Python: its count must come back too

    def counts():
        return {{"None": sys.getrefcount(None), "True": sys.getrefcount(True),
                "False": sys.getrefcount(False), "payload": sys.getrefcount(payload)}}

    before = counts()
    for i in range({CALLS}):
        label.setVisible(False)
        label.setVisible(True)
        button.setEnabled(True)
        button.setEnabled(False)
        label.setProperty("state", True)
        label.setProperty("state", None)
        label.setProperty("payload", payload)
        emitter.changed.emit(1, None)
        emitter.changed.emit(2, True)
        emitter.changed.emit(3, payload)
        emitter.flag.emit(False)
        received.clear()
    label.setProperty("payload", None)
    after = counts()
    print(json.dumps({{"before": before, "after": after}}))
""")


def test_thousands_of_qt_calls_leave_the_reference_counts_of_none_and_bools_alone() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CANARY], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, (
        f"the Qt binding crashed the interpreter (exit {done.returncode}):\n{done.stderr}")
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    watched = counts["after"] if sys.version_info < (3, 12) else {"payload": None}
    drift = {name: counts["after"][name] - counts["before"][name] for name in watched}
    # A sound binding moves no count by more than a few references (interpreter caches);
    # a broken one moves them by about one per call, thousands here.
    assert all(abs(d) < CALLS // 100 for d in drift.values()), drift
