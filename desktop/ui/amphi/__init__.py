"""The amphitheatre choice's screens (issue 5); wired by `desktop/areas/amphi.py`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

log = logging.getLogger(__name__)


def spawn(tasks: set[asyncio.Future[Any]], work: Awaitable[Any]) -> asyncio.Future[Any]:
    """Run `work` in the background; keep a reference; log (never lose) its failure.

    Network trouble is shown by the offline banner already, so failures are logged here
    rather than raised into the event loop.
    """
    task = asyncio.ensure_future(work)
    tasks.add(task)

    def done(finished: asyncio.Future[Any]) -> None:
        tasks.discard(finished)
        if not finished.cancelled() and finished.exception() is not None:
            log.info("background work failed: %r", finished.exception())

    task.add_done_callback(done)
    return task
