"""Work in flight at shutdown or sign-out: it gets a moment, then is cancelled, and so is
what it started meanwhile; a window's work is the work of the objects below it."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from shiboken6 import Shiboken

from desktop import tasks
from tests.desktop.conftest import until

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


# --------------------------------------------------------------------------- spawn


class _Failure(Exception):
    pass


async def _fail() -> None:
    await asyncio.sleep(0)
    raise _Failure("the server said no")


def test_a_task_spawned_for_a_widget_is_cancelled_when_the_widget_is_deleted(
        arun: Callable[..., Any]) -> None:
    widget = QWidget()

    async def scenario() -> tuple[asyncio.Task[None], bool]:
        task = tasks.spawn(widget, _endless(), name="refresh")
        await asyncio.sleep(0.02)
        running = not task.done()
        Shiboken.delete(widget)  # as a closed window's views go
        await until(task.done, timeout=2)
        return task, running

    task, was_running = arun(scenario())
    assert was_running and task.cancelled()
    assert task not in tasks.owned_tasks()


def test_a_deleted_later_widget_cancels_its_task_too(arun: Callable[..., Any]) -> None:
    widget = QWidget()

    async def scenario() -> asyncio.Task[None]:
        task = tasks.spawn(widget, _endless())
        widget.deleteLater()
        await until(task.done, timeout=2)
        return task

    assert arun(scenario()).cancelled()


def test_a_spawned_task_is_kept_and_ends_normally(arun: Callable[..., Any]) -> None:
    owner = QObject()

    async def scenario() -> str:
        task = tasks.spawn(owner, _quick())
        task_id = id(task)
        del task
        gc.collect()  # nobody else holds it: spawn does
        kept = [t for t in tasks.owned_tasks() if id(t) == task_id]
        assert len(kept) == 1
        result: str = await kept[0]
        return result

    assert arun(scenario()) == "saved"
    assert tasks.owned_tasks() == []


def test_an_exception_in_a_spawned_task_is_logged(
        arun: Callable[..., Any], caplog: pytest.LogCaptureFixture) -> None:
    owner = QObject()

    async def scenario() -> asyncio.Task[None]:
        task = tasks.spawn(owner, _fail(), name="save wishes")
        await until(task.done, timeout=2)
        await asyncio.sleep(0)  # its done callbacks run
        return task

    with caplog.at_level(logging.INFO, logger="desktop.tasks"):
        arun(scenario())
    [record] = [r for r in caplog.records if r.name == "desktop.tasks"]
    assert record.levelno == logging.ERROR and "save wishes" in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], _Failure)


def test_a_failure_shown_elsewhere_is_logged_quietly_and_a_cancellation_not_at_all(
        arun: Callable[..., Any], caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tasks, "_shown_elsewhere", [])
    tasks.report_quietly(lambda exc: isinstance(exc, _Failure))
    owner = QObject()

    async def scenario() -> None:
        failed = tasks.spawn(owner, _fail(), name="push")
        cancelled = tasks.spawn(owner, _endless(), name="refresh")
        await asyncio.sleep(0.02)
        cancelled.cancel()
        await until(lambda: failed.done() and cancelled.done(), timeout=2)
        await asyncio.sleep(0)

    with caplog.at_level(logging.DEBUG, logger="desktop.tasks"):
        arun(scenario())
    records = [r for r in caplog.records if r.name == "desktop.tasks"]
    assert [(r.levelno, r.exc_info) for r in records] == [(logging.INFO, None)]
    assert "push" in records[0].getMessage()


def test_a_task_spawned_for_an_object_below_a_window_is_the_windows(
        arun: Callable[..., Any]) -> None:
    window = QObject()
    view = QObject(QObject(window))
    elsewhere = QObject()

    async def scenario() -> tuple[int, bool, bool]:
        mine = tasks.spawn(view, _endless())  # not a method of `view`: found by its owner
        theirs = tasks.spawn(elsewhere, _endless())
        await asyncio.sleep(0)
        found = tasks.tasks_of(window)
        cancelled = await tasks.settle(lambda: tasks.tasks_of(window), grace=0.1)
        still = not theirs.done()
        theirs.cancel()
        return cancelled, found == [mine], still

    cancelled, found_mine, theirs_untouched = arun(scenario())
    assert cancelled == 1 and found_mine and theirs_untouched


def test_spawn_adopts_a_started_task_and_refuses_a_plain_future(
        arun: Callable[..., Any]) -> None:
    """What a qasync `asyncSlot` returns is a started task: adopted (cancelled with its
    owner); a task spawn owns already is returned as it is; a bare Future is refused."""
    widget = QWidget()
    other = QObject()

    async def scenario() -> None:
        started = asyncio.ensure_future(_endless())
        assert tasks.spawn(widget, started) is started
        assert tasks.spawn(other, started) is started  # still the widget's
        assert tasks.tasks_of(widget) == [started]
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        with pytest.raises(TypeError):
            tasks.spawn(other, future)  # type: ignore[arg-type]
        future.cancel()
        Shiboken.delete(widget)
        await until(started.done, timeout=2)
        assert started.cancelled()

    arun(scenario())
