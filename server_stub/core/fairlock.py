"""A re-entrant lock handed over to its waiters in their order of arrival.

Why not `threading.RLock`: it is not fair. A released lock goes to whichever thread runs
first, so a steady stream of requests can keep one waiter out for seconds. That waiter
was the thread applying other processes' events to a national campaign's mirror, behind
twenty wish changes a second of this process: reads of this process stayed stale for
2.5 s (bench/bench_scale.py). Here the releasing thread hands the lock to the oldest
waiter; no newcomer overtakes it.
"""

from __future__ import annotations

import threading
from collections import deque
from types import TracebackType


class FairRLock:
    """Re-entrant; `acquire()` blocks until every earlier waiter had its turn."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._waiters: deque[tuple[int, threading.Event]] = deque()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        me = threading.get_ident()
        with self._mutex:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None and not self._waiters:
                self._owner, self._depth = me, 1
                return True
            if not blocking:
                return False
            handed = threading.Event()
            self._waiters.append((me, handed))
        if handed.wait(None if timeout < 0 else timeout):
            return True
        with self._mutex:
            if self._owner == me:  # handed over just as the wait timed out
                return True
            self._waiters.remove((me, handed))
            return False

    def release(self) -> None:
        with self._mutex:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a lock this thread does not hold")
            self._depth -= 1
            if self._depth:
                return
            if self._waiters:
                self._owner, handed = self._waiters.popleft()
                self._depth = 1
                handed.set()
            else:
                self._owner = None

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()
