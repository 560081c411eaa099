"""A second launch raises the running window instead of opening another Amphi."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from desktop.single_instance import SingleInstance, instance_key
from tests.desktop.conftest import RestartableServer

ROOT = Path(__file__).resolve().parents[2]


def test_the_key_depends_on_the_data_folder(tmp_path: Path) -> None:
    assert instance_key(tmp_path / "a") == instance_key(tmp_path / "a")
    assert instance_key(tmp_path / "a") != instance_key(tmp_path / "b")
    assert len(instance_key(tmp_path)) < 40  # socket names must stay short


def test_a_second_instance_raises_the_first_and_steps_aside(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    key = instance_key(tmp_path)
    first, second = SingleInstance(key), SingleInstance(key)
    try:
        assert first.claim()
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert not second.claim()
        assert second.server is None
        first.release()
        # Once the first has gone, the next launch runs.
        third = SingleInstance(key)
        assert third.claim()
        third.release()
    finally:
        first.release()


@pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")
def test_a_socket_left_by_a_crash_does_not_lock_amphi_out(tmp_path: Path) -> None:
    key = instance_key(tmp_path)
    path = Path(QDir.tempPath()) / key
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))  # bound, never listening, never removed: what a crash leaves
    stale.close()
    try:
        instance = SingleInstance(key)
        assert instance.claim()
        assert instance.server is not None and instance.server.isListening()
        instance.release()
    finally:
        path.unlink(missing_ok=True)


def test_launching_amphi_twice_keeps_one_window(tmp_path: Path,
                                                server: RestartableServer) -> None:
    """Two real launches on one data folder: the second says so and exits at once."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "fr_FR.UTF-8",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # French system
    command = [sys.executable, "-m", "desktop", "--server", server.url,
               "--data-dir", str(tmp_path / "client")]
    first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        key = instance_key(tmp_path / "client")
        deadline = time.monotonic() + 30
        while not SingleInstance(key).notify_running():  # wait until the first listens
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first Amphi never started listening"
            time.sleep(0.1)
        second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=60)
        assert second.returncode == 0
        assert "Amphi est déjà ouvert" in second.stdout, second.stdout + second.stderr
        assert first.poll() is None  # the first one is still running
    finally:
        first.terminate()
        first.wait(timeout=30)
