"""Work still in flight when Amphi closes.

Views load and save through asyncio tasks (qasync's ``asyncSlot``). At shutdown a task
that resumes after its window was deleted, or after the HTTP client was closed, fails
with a RuntimeError and prints a traceback. So shutdown first lets the app's own
tasks end for a moment (a save clicked just before quitting still reaches the
server), then cancels what is left, and only then deletes windows and the client.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent


def owned_tasks(root: Path = PACKAGE_DIR) -> list[asyncio.Task[object]]:
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


async def finish(tasks: list[asyncio.Task[object]], grace: float) -> int:
    """Wait up to ``grace`` seconds for ``tasks``, then cancel the rest; how many were cancelled."""
    if not tasks:
        return 0
    _done, pending = await asyncio.wait(tasks, timeout=grace)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=grace)
        log.debug("cancelled %d task(s) still running at shutdown", len(pending))
    return len(pending)
