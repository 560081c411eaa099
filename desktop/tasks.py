"""Work still in flight when Amphi closes, or when its main window goes (sign-out).

Views load and save through asyncio tasks (qasync's ``asyncSlot``). A task that resumes
after its window was deleted, or after the HTTP client was closed, fails with a
RuntimeError and prints a traceback. So before either goes, the work in flight gets a
moment to end (a save clicked just before still reaches the server), then what is left
is cancelled, and so is whatever that work started meanwhile (`settle`).

Which work: at shutdown, every task of this package (`owned_tasks`); at sign-out, the
tasks of the old main window (`tasks_of`), and not those of the app that outlives it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
CANCEL_WAIT = 1.0  # seconds a cancelled task gets to run its `finally` blocks
SETTLE_ROUNDS = 6  # work seldom starts more work more than once; never loop forever

Tasks = list[asyncio.Task[object]]


def owned_tasks(root: Path = PACKAGE_DIR) -> Tasks:
    """Unfinished tasks, other than the caller's, running a coroutine defined under ``root``.

    Tasks of anything else on the loop (a test harness, a library) are left alone.
    """
    me = asyncio.current_task()
    found = []
    for task in asyncio.all_tasks():
        code = getattr(task.get_coro(), "cr_code", None)
        if task is me or task.done() or code is None:
            continue
        if Path(code.co_filename).resolve().is_relative_to(root):
            found.append(task)
    return found


def _below(obj: QObject, owner: QObject) -> bool:
    """`obj` is `owner` or one of its descendants (through `parent()`)."""
    current: QObject | None = obj
    while current is not None:
        if current is owner:
            return True
        if not Shiboken.isValid(current):
            return False
        current = current.parent()
    return False


def tasks_of(owner: QObject, root: Path = PACKAGE_DIR) -> Tasks:
    """`owned_tasks` running a method of `owner` or of a QObject below it: the work a
    window started (its views, pages and the sync objects parented to them), not the
    work of the app's services, which outlive it."""
    found = []
    for task in owned_tasks(root):
        frame = getattr(task.get_coro(), "cr_frame", None)
        receiver = frame.f_locals.get("self") if frame is not None else None
        if isinstance(receiver, QObject) and _below(receiver, owner):
            found.append(task)
    return found


async def finish(tasks: Tasks, grace: float) -> int:
    """Wait up to ``grace`` seconds for ``tasks``, then cancel the rest; how many were cancelled."""
    if not tasks:
        return 0
    _done, pending = await asyncio.wait(tasks, timeout=grace) if grace > 0 else (
        set(), {t for t in tasks if not t.done()})
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=CANCEL_WAIT)
        log.debug("cancelled %d task(s) still running", len(pending))
    return len(pending)


async def settle(found: Callable[[], Tasks], grace: float) -> int:
    """Let the tasks `found()` lists, and those they start meanwhile (listed again),
    end within `grace` seconds in all; cancel what is left. How many were cancelled."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    cancelled = 0
    for _round in range(SETTLE_ROUNDS):
        left = found()
        if not left:
            break
        cancelled += await finish(left, max(0.0, deadline - loop.time()))
    return cancelled
