"""Work still in flight when Amphi closes, or when its main window goes (sign-out).

Views load and save through asyncio tasks (qasync's ``asyncSlot``). A task that resumes
after its window was deleted, or after the HTTP client was closed, fails with a
RuntimeError and prints a traceback. So before either goes, the work in flight gets a
moment to end (a save clicked just before still reaches the server), then what is left
is cancelled, and so is whatever that work started meanwhile (`settle`).

Which work: at shutdown, every task of this package (`owned_tasks`); at sign-out, the
tasks of the old main window (`tasks_of`), and not those of the app that outlives it.

Background work is started in one way only, `spawn(owner, coro)`: the task is kept (a
task nobody holds can be garbage-collected mid-flight), its failure is logged (never
lost; a cancellation is normal), it is cancelled when its owner QObject is destroyed, and
the settling above finds it through its owner. `tests/desktop/test_layers.py` fails on
`ensure_future`/`create_task` anywhere else in `desktop/`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
CANCEL_WAIT = 1.0  # seconds a cancelled task gets to run its `finally` blocks
SETTLE_ROUNDS = 6  # work seldom starts more work more than once; never loop forever

Tasks = list[asyncio.Task[Any]]
T = TypeVar("T")

# Every task `spawn` started and has not seen end, with its owner: the strong reference.
_spawned: dict[asyncio.Task[Any], QObject] = {}
# Failures the user is told about elsewhere (the offline banner): logged without traceback.
_shown_elsewhere: list[Callable[[BaseException], bool]] = []


def spawn(owner: QObject, work: Coroutine[Any, Any, T] | asyncio.Task[T], *,
          name: str | None = None) -> asyncio.Task[T]:
    """Run `work` in the background as `owner`'s task, on the running (qasync) loop.

    The task is kept until it ends; its exception is logged (at error level with its
    traceback, or in one line at info level for one `report_quietly` names); it is
    cancelled when `owner` is destroyed (a view closed, its window deleted); `owned_tasks`
    and `tasks_of(window)` (when `owner` is below `window`) list it until it ends. `name`
    (default: the coroutine's name) is what the log says.

    `work` may also be a task already started: what a qasync `asyncSlot` method returns
    when called directly; it is adopted. One `spawn` already owns is returned as it is.
    Raises TypeError for anything else (a plain Future is nobody's task to cancel).
    """
    if isinstance(work, asyncio.Task):
        if work in _spawned:
            return work
        task = work
    elif asyncio.iscoroutine(work):
        task = asyncio.ensure_future(work)
    else:
        raise TypeError(f"spawn() takes a coroutine or a task, not {type(work).__name__}")
    if name is not None:
        task.set_name(name)
    elif asyncio.iscoroutine(work):
        task.set_name(getattr(work, "__qualname__", None) or task.get_name())
    _spawned[task] = owner

    def owner_destroyed(*_args: object) -> None:
        task.cancel()

    owner.destroyed.connect(owner_destroyed)

    def finished(ended: asyncio.Task[T]) -> None:
        _spawned.pop(ended, None)
        alive = Shiboken.isValid(owner)
        if alive:
            try:
                owner.destroyed.disconnect(owner_destroyed)
            except (RuntimeError, TypeError):  # being destroyed right now
                pass
        _log_end(ended, owner_gone=not alive)

    task.add_done_callback(finished)
    return task


def report_quietly(shown: Callable[[BaseException], bool]) -> None:
    """Failures for which `shown(exc)` is true are shown to the user already (a network
    error: the offline banner); `spawn` logs them in one line, at info level."""
    if shown not in _shown_elsewhere:
        _shown_elsewhere.append(shown)


def _log_end(task: asyncio.Task[Any], *, owner_gone: bool) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is None:
        return
    if any(shown(exc) for shown in _shown_elsewhere):
        log.info("background work %s failed: %r", task.get_name(), exc)
    elif owner_gone and isinstance(exc, RuntimeError):
        # « Internal C++ object already deleted »: its screen closed while it ran.
        log.debug("background work %s ended after its owner: %r", task.get_name(), exc)
    else:
        log.error("background work %s failed", task.get_name(), exc_info=exc)


def owned_tasks(root: Path = PACKAGE_DIR) -> Tasks:
    """Unfinished tasks, other than the caller's, that `spawn` started or that run a
    coroutine defined under ``root`` (qasync's slots).

    Tasks of anything else on the loop (a test harness, a library) are left alone.
    """
    me = asyncio.current_task()
    loop = asyncio.get_running_loop()  # (a test's earlier loop may have left some behind)
    found = [task for task in list(_spawned)
             if task is not me and not task.done() and task.get_loop() is loop]
    for task in asyncio.all_tasks():
        code = getattr(task.get_coro(), "cr_code", None)
        if task is me or task.done() or code is None or task in _spawned:
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
    """`owned_tasks` spawned for `owner` or a QObject below it, or running a method of
    one: the work a window started (its views, pages and the sync objects parented to
    them), not the work of the app's services, which outlive it."""
    found = []
    for task in owned_tasks(root):
        frame = getattr(task.get_coro(), "cr_frame", None)
        receiver = frame.f_locals.get("self") if frame is not None else None
        spawner = _spawned.get(task)
        if any(isinstance(o, QObject) and _below(o, owner) for o in (spawner, receiver)):
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
