"""The amphitheatre's pace, estimated from the turns actually observed.

« il en passe 50-70 à l'heure »: the pace is a range, measured over a sliding window of the
last turns that ended (at most `WINDOW` back, at most `MAX_TURNS` of them), from the first
of them to now — so a turn that drags on slows the estimate down, and a pause of the day
or yesterday's evening never counts. With fewer than `MIN_TURNS` turns in the window it is
too early to tell (None), rather than a figure off by a factor 100.

The range is the count's own uncertainty (a Poisson count of n turns: n ± √n, at least
± 10 %), rounded outwards to a figure a person reads at a glance (45-75, 120-150). The
time to a student's turn is `people_before` over the high then the low figure.

Pure: the caller gives the turn end times and `at` (the server clock, `core/clock.py`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

WINDOW = timedelta(minutes=20)
MAX_TURNS = 60
MIN_TURNS = 6
MIN_SECONDS = 1.0  # a burst of turns ended in the same second is at most that fast


@dataclass(frozen=True)
class Pace:
    """Turns per hour, `low`-`high`, measured on `turns` turns over `seconds`."""

    low: int
    high: int
    turns: int
    seconds: int

    def wait_seconds(self, people_before: int) -> tuple[int, int]:
        """(shortest, longest) wait for `people_before` people at this pace."""
        if people_before <= 0:
            return 0, 0
        return (round(people_before * 3600 / self.high),
                round(people_before * 3600 / max(self.low, 1)))


def _step(value: float) -> int:
    if value < 20:
        return 1
    if value < 100:
        return 5
    if value < 1000:
        return 10
    if value < 10_000:
        return 100
    return 1000


def observed(turn_ends: Sequence[datetime], at: datetime) -> Pace | None:
    """The pace over the turns of `turn_ends` (ascending) that ended in the window before
    `at`; None when too few did."""
    first = bisect.bisect_left(turn_ends, at - WINDOW)
    last = bisect.bisect_right(turn_ends, at)
    first = max(first, last - MAX_TURNS)
    count = last - first
    if count < MIN_TURNS:
        return None
    seconds = max((at - turn_ends[first]).total_seconds(), MIN_SECONDS)
    turns = count - 1  # the turns that ended after the first one, within `seconds`
    margin = max(math.sqrt(turns), turns * 0.1)
    per_hour = 3600 / seconds
    low, high = (turns - margin) * per_hour, (turns + margin) * per_hour
    step_low, step_high = _step(low), _step(high)
    low_figure = max(1, math.floor(low / step_low) * step_low)
    high_figure = max(low_figure + 1, math.ceil(high / step_high) * step_high)
    return Pace(low=low_figure, high=high_figure, turns=turns, seconds=round(seconds))
