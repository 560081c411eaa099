"""What the endurance tests and the client benchmark watch while a live amphitheatre runs.

- `QtMessages`: every warning Qt prints (a deleted object touched, a bad connection...),
  collected through Qt's message handler so a test can say there was none.
- `Probe`: samples of the process's resident memory, its CPU time, the live widgets and
  Python objects, so "memory flat" is a comparison of figures, not an impression.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

# Said by Qt's offscreen platform (the tests' screen) when a window is raised or a dialog's
# size constraint set; a desktop's platform supports both. Not about us.
PLATFORM_NOISE = ("This plugin does not support propagateSizeHints()",
                  "This plugin does not support raise()")


@dataclass
class QtMessages:
    """Qt's warnings, criticals and fatals printed while installed."""

    messages: list[str] = field(default_factory=list)

    def handle(self, kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
        if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or text in PLATFORM_NOISE:
            return
        self.messages.append(f"{kind.name}: {text}")


@contextmanager
def qt_messages() -> Iterator[QtMessages]:
    collected = QtMessages()
    previous = qInstallMessageHandler(collected.handle)
    try:
        yield collected
    finally:
        qInstallMessageHandler(previous)


def resident_bytes() -> int | None:
    """The process's resident memory now (Linux /proc; None elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@dataclass(frozen=True)
class Sample:
    at: float  # monotonic seconds since the probe started
    progress: float  # 0..1, what the test says it has reached
    rss: int | None
    cpu: float  # process CPU seconds since the probe started
    widgets: int
    objects: int  # gc-tracked Python objects


@dataclass
class Probe:
    """Samples taken along a run; `sample()` collects garbage first, so they compare."""

    started: float = field(default_factory=time.monotonic)
    cpu_started: float = field(default_factory=time.process_time)
    samples: list[Sample] = field(default_factory=list)

    def sample(self, progress: float) -> Sample:
        gc.collect()
        taken = Sample(time.monotonic() - self.started, progress, resident_bytes(),
                       time.process_time() - self.cpu_started,
                       len(QApplication.allWidgets()), len(gc.get_objects()))
        self.samples.append(taken)
        return taken

    def after(self, progress: float) -> Sample:
        """The first sample at or beyond `progress` (the last one when none got there)."""
        return next((s for s in self.samples if s.progress >= progress), self.samples[-1])

    def growth(self, start: float, end: float = float("inf")) -> tuple[int | None, int, int]:
        """Resident bytes, widgets and Python objects gained from the first sample at
        `start` to the last sample at or before `end`."""
        first = self.after(start)
        last = [s for s in self.samples if s.progress <= end][-1]
        rss = (last.rss - first.rss) if first.rss is not None and last.rss is not None else None
        return rss, last.widgets - first.widgets, last.objects - first.objects
