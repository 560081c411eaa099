"""Matching: what runs while the app serves — in the demo only, the rounds whose results
are due are computed and published at start-up (`matching/demo.py`)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = app.state.settings
    if settings.demo_simulated_participants:
        from server_stub.matching.demo import publish_due_rounds

        try:
            await run_in_threadpool(publish_due_rounds, app.state.sessionmaker, settings,
                                    app.state.mailer)
        except Exception:  # the demo serves anyway; the rounds stay as they are
            log.exception("demo matching rounds could not be published")
    yield
