"""The amphitheatre's pace (server_stub/national/pace.py): a range observed over the last
turns, "too early" with too few of them — never a figure off by a factor 100."""

from __future__ import annotations

from datetime import timedelta

from server_stub.national.pace import MIN_TURNS, WINDOW, observed
from tests.conftest import TEST_EPOCH


def ends(every: timedelta, count: int, last_at: timedelta = timedelta()) -> list:
    """`count` turn ends, one every `every`, the last one `last_at` before TEST_EPOCH."""
    last = TEST_EPOCH - last_at
    return [last - every * (count - 1 - i) for i in range(count)]


def test_too_few_turns_is_too_early_to_tell() -> None:
    assert observed([], TEST_EPOCH) is None
    assert observed(ends(timedelta(minutes=1), MIN_TURNS - 1), TEST_EPOCH) is None
    assert observed(ends(timedelta(minutes=1), MIN_TURNS), TEST_EPOCH) is not None


def test_one_turn_a_minute_reads_about_sixty_an_hour() -> None:
    pace = observed(ends(timedelta(minutes=1), 20), TEST_EPOCH)
    assert pace is not None
    assert 40 <= pace.low < 60 < pace.high <= 80, pace
    assert pace.turns == 19
    # The wait for 120 people: about two hours, as a range around it.
    shortest, longest = pace.wait_seconds(120)
    assert shortest < 2 * 3600 < longest, (shortest, longest)
    assert pace.wait_seconds(0) == (0, 0)


def test_the_first_turns_of_a_fast_start_do_not_read_600_an_hour() -> None:
    """The cause of issue 15: ten turns ended in a few seconds, divided by at least a
    minute, read « 600 par heure — environ 6 h 14 » when the turn came 3 minutes later."""
    burst = ends(timedelta(seconds=2), 10)
    pace = observed(burst, TEST_EPOCH + timedelta(seconds=2))
    assert pace is not None and pace.low <= 1800 <= pace.high, pace  # one every 2 s
    shortest, longest = pace.wait_seconds(100)
    assert shortest <= 200 <= longest < 10 * 60, (shortest, longest)  # not « 6 h 14 »


def test_only_the_window_counts_and_a_long_wait_slows_the_estimate() -> None:
    # Yesterday's turns, or those of an hour ago, are not today's pace.
    old = ends(timedelta(seconds=10), 50, last_at=WINDOW + timedelta(minutes=1))
    assert observed(old, TEST_EPOCH) is None
    # Ten turns a minute apart, then nobody for ten minutes: the pace falls with it.
    steady = ends(timedelta(minutes=1), 10)
    now = observed(steady, TEST_EPOCH)
    later = observed(steady, TEST_EPOCH + timedelta(minutes=10))
    assert now is not None and later is not None and later.high <= now.low < now.high


def test_the_range_is_rounded_for_reading() -> None:
    pace = observed(ends(timedelta(seconds=25), 40), TEST_EPOCH)  # ~144 an hour
    assert pace is not None and pace.low % 10 == 0 and pace.high % 10 == 0, pace
    assert pace.low < 144 < pace.high
