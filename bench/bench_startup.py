"""Start-up figures: server cold start to first answer, client start to sign-in window.

Printed, never asserted (goals: server < 2 s, client window < 2 s). Each figure is the
median of several runs, with min and max, because the machine is noisy.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, *extra: str) -> tuple[subprocess.Popen[bytes], str, float]:
    """Start `python -m server_stub serve`; return the process, its URL and seconds to health."""
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(data_dir)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "server_stub", "serve", "--host", "127.0.0.1",
         "--port", str(port), *extra],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(f"{url}/api/health", timeout=0.5).status_code == 200:
                return proc, url, time.perf_counter() - t0
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise RuntimeError("the server exited before answering")
        time.sleep(0.01)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def summary(name: str, values: list[float]) -> str:
    return (f"{name}: median {statistics.median(values):.2f} s "
            f"(min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)")


def client_to_signin(url: str, work: Path) -> float:
    """Seconds from launching the client to its sign-in window being shown and grabbed."""
    shot = work / "signin.png"
    shot.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "desktop", "--server", url, "--data-dir", str(work / "client"),
         "--screenshot", str(shot)],
        cwd=ROOT, env=env, check=True, timeout=60,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    if not shot.exists():
        raise RuntimeError("the client did not save its screenshot")
    return time.perf_counter() - t0


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cold: list[float] = []
        for i in range(RUNS):
            proc, _, seconds = start_server(work / f"fresh-{i}")
            stop(proc)
            cold.append(seconds)
        print(summary("server cold start to first answer (empty database)", cold))

        warm: list[float] = []
        for _ in range(RUNS):
            proc, url, seconds = start_server(work / "fresh-0")
            warm.append(seconds)
            if _ < RUNS - 1:
                stop(proc)
        print(summary("server start to first answer (existing database)", warm))
        try:
            client = [client_to_signin(url, work) for _ in range(RUNS)]
            print(summary("client start to sign-in window (offscreen)", client))
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
