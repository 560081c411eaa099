"""`python -m desktop`: the command line, and `--screenshot` writing a real PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtGui import QImage

from desktop.app import default_data_dir, parse_args
from tests.desktop.conftest import RestartableServer

ROOT = Path(__file__).resolve().parents[2]


def run_client(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           # Never touch the OS keyring of the machine running the tests.
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir",
                           str(tmp_path / "client"), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_screenshot_of_the_sign_in_window(tmp_path: Path, server: RestartableServer) -> None:
    shot = tmp_path / "shots" / "signin.png"
    result = run_client("--server", server.url, "--screenshot", str(shot), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(shot))
    assert image.width() >= 450 and image.height() >= 400
    assert (tmp_path / "client" / "amphi-local.sqlite").exists()  # the local store


def test_a_bad_server_address_still_opens_the_sign_in_window(tmp_path: Path) -> None:
    shot = tmp_path / "signin.png"
    result = run_client("--server", "ftp://example.fr", "--screenshot", str(shot),
                        tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert shot.exists() and shot.stat().st_size > 0


def test_command_line_options() -> None:
    options = parse_args(["--server", "http://h:1", "--data-dir", "/tmp/x", "--demo",
                          "--screenshot", "a.png", "--log-level", "debug"])
    assert options.server == "http://h:1" and options.demo
    assert options.resolved_data_dir == Path("/tmp/x")
    assert options.screenshot == Path("a.png") and options.log_level == "debug"
    assert parse_args([]).resolved_data_dir.name in ("amphi", "Amphi")


@pytest.mark.parametrize("xdg", [True, False])
def test_the_data_folder_is_the_one_earlier_versions_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: bool) -> None:
    """Qt's location is the folder `platformdirs.user_data_dir("amphi", "Amphi")` gave
    (what app.py asked before): offline favourites and wishes are found after the update.
    On Linux, `XDG_DATA_HOME` moves both; elsewhere it changes nothing."""
    if xdg:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    else:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    before = Path(platformdirs.user_data_dir("amphi", "Amphi"))
    assert default_data_dir() == before
    if xdg and sys.platform.startswith("linux"):
        assert default_data_dir() == tmp_path / "xdg-data" / "amphi"


def test_help_is_in_french(tmp_path: Path) -> None:
    result = run_client("--help", tmp_path=tmp_path)
    assert result.returncode == 0
    assert "adresse du serveur" in result.stdout


def test_self_test_starts_the_demo_signs_in_and_writes_a_screen_and_a_pdf(
        tmp_path: Path) -> None:
    result = run_client("--self-test", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout and "etudiant@amphi.demo" in result.stdout
    screen = tmp_path / "client" / "self-test-window.png"
    pdf = tmp_path / "client" / "self-test-attestation.pdf"
    assert QImage(str(screen)).width() >= 800
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5_000


def test_self_test_names_what_is_wrong(tmp_path: Path) -> None:
    from desktop.selftest import MIN_PNG_BYTES, _check_file

    missing = _check_file(tmp_path / "none.png", b"\x89PNG", MIN_PNG_BYTES)
    assert missing == "none.png was not written"
    small = tmp_path / "small.png"
    small.write_bytes(b"\x89PNG" + b"\0" * 10)
    assert _check_file(small, b"\x89PNG", MIN_PNG_BYTES) == "small.png is too small (14 bytes)"
    wrong = tmp_path / "wrong.pdf"
    wrong.write_bytes(b"<html>" * 5000)
    assert "is not a" in (_check_file(wrong, b"%PDF", 10) or "")


def test_the_frozen_entry_point_runs_the_server_on_request() -> None:
    # installer/amphi_entry.py is what PyInstaller freezes: `amphi --run-server` is the server.
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "amphi_entry.py"),
                             "--run-server", "--help"],
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "amphi-server" in result.stdout and "serve" in result.stdout
