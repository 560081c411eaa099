"""A server started by another program (the client's demo mode): its lock and its lifeline.

`serve --lock-file PATH` holds an OS lock on PATH for the whole life of the process and
writes its pid and port into it. Whoever starts a server for the same data folder can
find one that still runs; the OS drops the lock when the process dies, however it dies,
so a stale file is never taken for a live server. A second server refuses to start while
the lock is held: two servers never share one SQLite file.

`serve --exit-with-stdin` reads its standard input until end of file. The parent keeps
the write end of that pipe; when the parent ends (killed included: the OS closes its
files), the server reads EOF and shuts down cleanly. A pipe behaves alike on Linux, macOS
and Windows (PR_SET_PDEATHSIG is Linux only and would not let the shutdown be clean).

The client probes the same lock in desktop/demo_launcher.py (it never imports
server_stub): the two must agree on LOCK_OFFSET and on the JSON contents.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

# Windows locks are mandatory (a locked byte cannot be read): the lock is on one byte far
# past the contents, which stay readable by whoever wants to know who holds the lock.
LOCK_OFFSET = 1 << 20
_BINARY = getattr(os, "O_BINARY", 0)  # Windows opens in text mode otherwise


def try_lock(fd: int) -> bool:
    """Take the lock without waiting; False if another process holds it.

    Raises OSError when the file system cannot lock at all.
    """
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_info(fd: int) -> dict[str, Any]:
    """The JSON the holder wrote; {} while it has not written yet."""
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        info = json.loads(os.read(fd, 64 * 1024).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


class InstanceLocked(Exception):
    """Another process holds the lock; `holder` is what it wrote (pid, port, ...)."""

    def __init__(self, path: Path, holder: dict[str, Any]) -> None:
        super().__init__(f"{path} is held by {holder or 'another process'}")
        self.path = path
        self.holder = holder


class InstanceLock:
    """The OS lock on one file, held by this process until `release()` or its death."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, **info: Any) -> None:
        """Take the lock and write our pid and `info`; InstanceLocked if another has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _BINARY, 0o644)
        try:
            locked = try_lock(fd)
        except OSError:
            os.close(fd)
            raise
        if not locked:
            holder = read_info(fd)
            os.close(fd)
            raise InstanceLocked(self.path, holder)
        self._fd = fd
        # What a previous holder wrote goes at once: the file names the live holder only.
        data = json.dumps({"pid": os.getpid(), **info}).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, data)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            unlock(fd)
        os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()


class StdinLifeline:
    """Reads standard input in a daemon thread; at end of file the parent is gone.

    `gone` is set then, and the callback given to `on_gone` runs (in that thread).
    """

    def __init__(self, fd: int = 0) -> None:
        self.fd = fd
        self.gone = threading.Event()
        self._callback: Callable[[], None] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        threading.Thread(target=self._watch, name="stdin-lifeline", daemon=True).start()

    def on_gone(self, callback: Callable[[], None]) -> None:
        """Run `callback` when the parent is gone (at once if it already is)."""
        with self._lock:
            self._callback = callback
            already = self.gone.is_set()
        if already:
            callback()

    def _watch(self) -> None:
        try:
            while os.read(self.fd, 4096):
                pass  # the parent never writes; anything it might send is ignored
        except OSError:
            pass  # no usable stdin: nobody can keep the server alive through it
        with self._lock:
            self.gone.set()
            callback = self._callback
        if callback is not None:
            callback()
