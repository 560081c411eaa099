"""The national mirror's lock: re-entrant, and handed over in the order of arrival."""

from __future__ import annotations

import threading
import time

import pytest

from server_stub.core.fairlock import FairRLock


def _waiting(lock: FairRLock, count: int) -> None:
    """Until `count` threads wait for `lock` (a test's own deadline, generous)."""
    deadline = time.monotonic() + 10
    while len(lock._waiters) < count:
        assert time.monotonic() < deadline, "the threads did not start waiting"
        time.sleep(0.001)


def test_waiters_get_the_lock_in_their_order_of_arrival_and_nobody_overtakes() -> None:
    lock = FairRLock()
    order: list[int] = []
    lock.acquire()
    threads = []
    for n in range(8):
        def take(n: int = n) -> None:
            with lock:
                order.append(n)
        thread = threading.Thread(target=take)
        thread.start()
        threads.append(thread)
        _waiting(lock, n + 1)  # n waits before n + 1 arrives
    lock.release()
    # A thread arriving after the release queues behind the eight (RLock let it barge in).
    with lock:
        order.append(99)
    for thread in threads:
        thread.join(10)
    assert order == [*range(8), 99]


def test_the_lock_is_re_entrant_and_released_by_its_owner_only() -> None:
    lock = FairRLock()
    with lock, lock:
        got: list[bool] = []
        other = threading.Thread(target=lambda: got.append(lock.acquire(blocking=False)))
        other.start()
        other.join(10)
        assert got == [False]  # held twice by this thread: not free for another
        failure: list[BaseException] = []

        def release_foreign() -> None:
            try:
                lock.release()
            except RuntimeError as exc:
                failure.append(exc)

        thief = threading.Thread(target=release_foreign)
        thief.start()
        thief.join(10)
        assert failure
    assert lock.acquire(blocking=False)  # free again once released as often as taken
    lock.release()
    with pytest.raises(RuntimeError):
        lock.release()


def test_a_waiter_that_gives_up_leaves_the_queue() -> None:
    lock = FairRLock()
    lock.acquire()
    result: list[bool] = []
    waiter = threading.Thread(target=lambda: result.append(lock.acquire(timeout=0.05)))
    waiter.start()
    waiter.join(10)
    assert result == [False] and not lock._waiters
    lock.release()
    assert lock.acquire(blocking=False)
    lock.release()
