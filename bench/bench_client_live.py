"""The student's client through a long live national amphitheatre: its memory and CPU.

The server runs in its own process (so the figures are the client's alone), with 2,400
students passing before the student at the pace that fills the run (10 minutes by
default; BENCH_LIVE_SECONDS to change it): the server's simulated participants validate
their first feasible wish, thousands of turn events and simulation moves are pushed to
the client, whose « Mes vœux » page with its turn panel stays open. Every 10 s it prints
the client's resident memory, its CPU use over the interval, its widgets and Python
objects; at the end, the growth from the first minute on. Prints figures; asserts nothing.

    QT_QPA_PLATFORM=offscreen python bench/bench_client_live.py
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from bench/

import httpx  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from qasync import QEventLoop  # noqa: E402

from desktop.app import AmphiApp, Options, configure_application  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.desktop.conftest import FAST_HASHING, PASSWORD, RestartableServer  # noqa: E402
from tests.desktop.endurance import Probe  # noqa: E402
from tests.desktop.national_helpers import (  # noqa: E402
    OFFER,
    SPECIALTIES,
    SUBDIVISIONS,
    area,
    campaign,
    give_everyone_wishes,
)

BEFORE_ME = 2400
SECONDS = float(os.environ.get("BENCH_LIVE_SECONDS", "600"))
EVERY = 10.0


def build(data_dir: Path) -> tuple[str, str, dict[str, str]]:
    """The campaign, written by a server in this process that is then stopped."""
    server = RestartableServer(data_dir)
    mine = BEFORE_ME + 1
    c = campaign(server, [(rank, "general", rank == mine) for rank in range(1, mine + 1)],
                 offer=OFFER)
    give_everyone_wishes(server, c.id, skip=mine)
    me = c.students[mine]
    cells = [c.cell(sub, spec) for spec in SPECIALTIES for sub in SUBDIVISIONS]
    assert c.put_wishes(me, cells).status_code == 200
    server.stop()
    return me.email or "", c.url("/staff/amphi/start"), c.staff


def serve(data_dir: Path, port: int, pace: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SECRET_KEY": "test-secret-key",
           "DEMO_NATIONAL_PARTICIPANTS": "1", "DEMO_SECONDS_PER_STUDENT": str(pace),
           "DEMO_SECONDS_NEAR_TURN": str(pace), "NATIONAL_EVENT_SECONDS": "1.0",
           **{k.upper(): str(v) for k, v in FAST_HASHING.items()}}
    log = (data_dir / "server.log").open("wb")
    return subprocess.Popen([sys.executable, "-m", "server_stub", "--data-dir", str(data_dir),
                             "serve", "--port", str(port), "--log-level", "warning"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


async def wait_for(predicate: Callable[[], object], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.05)


async def run(url: str, email: str, start: tuple[str, dict[str, str]], data_dir: Path
              ) -> None:
    app = AmphiApp(Options(server=url, data_dir=data_dir / "client"))
    await app.start()
    dialog = app.signin_dialog
    assert dialog is not None
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(PASSWORD)
    dialog.sign_in_button.click()
    await wait_for(lambda: app.main_window is not None and app.live.is_connected, 60)
    window = app.main_window
    assert window is not None
    window.show_page("national_wishes")
    panel = area(window).wishes_view.turn_panel
    events = [0]
    app.live.event_received.connect(lambda *_: events.__setitem__(0, events[0] + 1))
    probe = Probe()
    print(f"{'t (s)':>6} {'before me':>9} {'events':>7} {'RSS MiB':>8} {'CPU %':>6} "
          f"{'widgets':>7} {'objects':>8}")
    last = probe.sample(0.0)
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:  # the agency starts it
        r = await http.post(start[0], headers=start[1])
        assert r.status_code == 200, r.text
    while not panel.my_turn and time.monotonic() - started < SECONDS * 1.5:
        await asyncio.sleep(EVERY)
        now = probe.sample((time.monotonic() - started) / SECONDS)
        cpu = 100 * (now.cpu - last.cpu) / max(1e-9, now.at - last.at)
        print(f"{now.at:6.0f} {panel.people_before:9d} {events[0]:7d} "
              f"{(now.rss or 0) / 2**20:8.1f} {cpu:6.1f} {now.widgets:7d} {now.objects:8d}",
              flush=True)
        last = now
    first = probe.after(min(60 / SECONDS, 0.25))  # the first minute (of a short run: quarter)
    end = probe.samples[-1]
    print(f"my turn: {panel.my_turn}; {events[0]} events in {end.at:.0f} s; "
          f"CPU {100 * end.cpu / end.at:.1f} % on average; "
          f"from the first minute on: RSS {((end.rss or 0) - (first.rss or 0)) / 2**20:+.1f} "
          f"MiB, widgets {end.widgets - first.widgets:+d}, "
          f"objects {end.objects - first.objects:+d}")
    await app.shutdown()


def main() -> None:
    qapp = QApplication.instance() or QApplication(sys.argv)
    configure_application(qapp)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory(prefix="amphi-bench-live-") as tmp:
        data_dir = Path(tmp)
        print(f"building {BEFORE_ME} students…", flush=True)
        email, start_path, staff = build(data_dir / "server")
        port = free_port()
        server = serve(data_dir / "server", port, pace=SECONDS / BEFORE_ME * 0.92)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{url}/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            loop = QEventLoop(qapp)
            asyncio.set_event_loop(loop)
            with loop:
                loop.run_until_complete(run(url, email, (start_path, staff), data_dir))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
