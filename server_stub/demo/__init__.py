"""Realistic demo data at real scale, identical on every run.

The product must be judged at the scale it will meet: a national choice of ~8,000 ranked
students over ~1,000 cells, regional amphitheatres of 100–400 interns, a matching of
~1,500 junior doctors. Everything comes from one seeded `random.Random`, so two runs give
the same people, ranks and wishes (only password hashes differ: their salt is random).

Generation is split from persistence: `build_plan` is pure (rows with local indexes in
place of foreign keys), `load_demo` writes them with bulk inserts in one transaction.
One module per procedure's data (`national`, `amphi`, `matching`), the shared plumbing in
`plan`, the writing in `load`, the reference lists in `data/`.
Thousands of people are agency-imported identities without an account; only the
documented demo accounts have a password.

Every demo row of `person` and `campaign` carries `created_at == DEMO_STAMP`; that is how
`load_demo(refresh=True)` finds what to delete, together with every row that refers to it
(in any table, including tables added after this package was written).
"""

from __future__ import annotations

import importlib
from typing import Any

# Public name -> module. Resolved on first use (PEP 562): the generator is large and only
# the demo needs it, so importing the package (for its route) stays cheap.
_PUBLIC = {
    "DEMO_ACCOUNTS": "plan",
    "DEMO_SECRET_ANSWER": "plan",
    "DEMO_SECRET_QUESTION": "plan",
    "DEMO_SEED": "plan",
    "DEMO_STAMP": "plan",
    "DEMO_UNREGISTERED_IDENTITY": "plan",
    "DemoPlan": "plan",
    "build_plan": "load",
    "demo_exists": "load",
    "load_demo": "load",
    "plan_summary": "load",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
