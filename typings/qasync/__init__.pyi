# Types for the part of qasync that Amphi uses (qasync ships none). mypy reads this folder
# (`mypy_path` in pyproject.toml). Keep it to what the code calls; widen it when needed.
import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication

_P = ParamSpec("_P")
_R = TypeVar("_R")

# `@asyncSlot(int, str)` makes an async method a Qt slot: calling it starts a task on the
# running loop and returns that task (the method's arguments, the coroutine's result).
def asyncSlot(
    *args: Any, **kwargs: Any
) -> Callable[[Callable[_P, Coroutine[Any, Any, _R]]], Callable[_P, asyncio.Task[_R]]]: ...
def asyncClose(
    fn: Callable[_P, Coroutine[Any, Any, _R]],
) -> Callable[_P, asyncio.Task[_R]]: ...

class QEventLoop(asyncio.SelectorEventLoop):
    def __init__(self, app: QCoreApplication | None = None, set_running_loop: bool = False,
                 already_running: bool = False) -> None: ...

class QThreadExecutor:
    def __init__(self, max_workers: int = 10) -> None: ...
