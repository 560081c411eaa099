"""Work in flight at shutdown: the app's own tasks get a moment, then are cancelled."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import tasks

TESTS_DIR = Path(__file__).resolve().parent


async def _quick() -> str:
    await asyncio.sleep(0.05)
    return "saved"


async def _endless() -> None:
    while True:
        await asyncio.sleep(0.05)


def test_finish_lets_quick_work_end_and_cancels_the_rest(arun: Callable[..., Any]) -> None:
    async def scenario() -> tuple[int, asyncio.Task[str], asyncio.Task[None]]:
        quick = asyncio.ensure_future(_quick())
        endless = asyncio.ensure_future(_endless())
        cancelled = await tasks.finish([quick, endless], grace=0.5)
        return cancelled, quick, endless

    cancelled, quick, endless = arun(scenario())
    assert cancelled == 1
    assert quick.result() == "saved"
    assert endless.cancelled()
    assert arun(tasks.finish([], grace=0.5)) == 0


def test_owned_tasks_are_those_of_the_package_and_never_the_caller(
        arun: Callable[..., Any]) -> None:
    async def scenario() -> tuple[bool, bool, bool]:
        mine = asyncio.ensure_future(_endless())
        await asyncio.sleep(0)
        under_tests = tasks.owned_tasks(TESTS_DIR)
        under_desktop = tasks.owned_tasks()
        mine.cancel()
        me = asyncio.current_task()
        return mine in under_tests, mine in under_desktop, me in under_tests

    in_tests, in_desktop, caller_included = arun(scenario())
    assert in_tests and not in_desktop and not caller_included
