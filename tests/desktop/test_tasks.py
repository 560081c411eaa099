"""Work in flight at shutdown or sign-out: it gets a moment, then is cancelled, and so is
what it started meanwhile; a window's work is the work of the objects below it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

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


class _Worker(QObject):
    """A QObject whose method runs as a task (as views and syncs do)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.started: list[asyncio.Task[None]] = []

    async def work(self) -> None:
        await _endless()

    async def work_then_more(self) -> None:
        """Starts more work of its own, later, as a load does (sub-loads)."""
        await asyncio.sleep(0.05)
        self.started.append(asyncio.ensure_future(self.work()))
        await _endless()


def test_tasks_of_a_window_are_the_methods_of_the_objects_below_it(
        arun: Callable[..., Any]) -> None:
    window = QObject()
    page = _Worker(QObject(window))  # a grandchild, as a page's sync object
    elsewhere = _Worker()  # the app's services: not the window's

    async def scenario() -> tuple[list[Any], list[Any]]:
        mine = asyncio.ensure_future(page.work())
        theirs = asyncio.ensure_future(elsewhere.work())
        loose = asyncio.ensure_future(_endless())
        await asyncio.sleep(0)
        found = tasks.tasks_of(window, TESTS_DIR)
        for task in (mine, theirs, loose):
            task.cancel()
        return found, [mine]

    found, expected = arun(scenario())
    assert found == expected


def test_settle_also_cancels_what_the_work_started_meanwhile(
        arun: Callable[..., Any]) -> None:
    window = _Worker()

    async def scenario() -> tuple[int, list[asyncio.Task[None]]]:
        first = asyncio.ensure_future(window.work_then_more())
        cancelled = await tasks.settle(lambda: tasks.tasks_of(window, TESTS_DIR),
                                       grace=0.2)
        return cancelled, [first, *window.started]

    cancelled, ended = arun(scenario())
    assert len(ended) == 2 and all(t.cancelled() for t in ended)
    assert cancelled == 2
