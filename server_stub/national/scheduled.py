"""National choice: what runs while the app serves — the simulations built at start-up, then
the background loop (`NationalBackground`: coalesced events, absent students, the demo).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

from server_stub.national.background import NationalBackground
from server_stub.national.runtime import NationalRegistry

log = logging.getLogger(__name__)

# From this many students (all campaigns together) the simulations are frozen out of the
# cyclic garbage collector.
FREEZE_FROM_STUDENTS = 2000


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Build every national campaign's simulation, then run the background loop.

    The build (about a second at national scale) runs after the server starts answering:
    a request for a campaign still being built waits for it (`NationalRegistry.get`).
    """
    registry = NationalRegistry(app.state.sessionmaker)
    app.state.national = registry
    # Every process's simulations follow the event log (other processes' changes too).
    app.state.broker.add_applier(registry.follow)
    background = NationalBackground(registry, app.state.sessionmaker, app.state.settings,
                                    app.state.mailer, app.state.leadership)

    async def prepare_then_run() -> None:
        try:
            runtimes = await run_in_threadpool(registry.load_all)
            if sum(len(rt.cands) for rt in runtimes) >= FREEZE_FROM_STUDENTS:
                # National scale: the simulations live as long as the server; keep the cyclic
                # collector from rescanning them (full collections would pause requests).
                gc.collect()
                gc.freeze()
            for rt in runtimes:
                log.info("national campaign %s: %d students, simulation rebuilt in %.2f s",
                         rt.campaign_id, len(rt.cands), rt.build_seconds)
            if app.state.settings.demo_start_amphi:
                await run_in_threadpool(background.start_demo_amphi)
        except Exception:  # requests build on demand; the loop must run anyway
            log.exception("national campaigns could not be prepared at start-up")
        await background.run()

    task = asyncio.create_task(prepare_then_run(), name="amphi-national-background")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
