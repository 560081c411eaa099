"""The assignment engine: pure computations, plain data in and out (docs: ENGINE.md).

No database, web, clock or randomness here, so the server, the command line and
the benchmarks all get the same answers from the same input.
"""

from .matching import match
from .ranks import call_order
from .serial import Simulation, simulate

__all__ = ["Simulation", "call_order", "match", "simulate"]
