"""Side effects that must happen only once a transaction is committed.

Mail must not leave and live subscribers must not be woken for writes that end up
rolled back ("nothing half-written"). Code inside a unit of work registers a callback
with `on_commit(session, fn)`; it runs right after the outermost COMMIT of that
session, and is dropped on rollback. Works for every Session in the process,
whichever sessionmaker made it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

log = logging.getLogger(__name__)

_KEY = "amphi_on_commit"


def on_commit(session: Session, callback: Callable[[], object]) -> None:
    """Run `callback` (no SQL allowed in it) after the session's next successful commit."""
    session.info.setdefault(_KEY, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_callbacks(session: Session) -> None:
    callbacks = session.info.pop(_KEY, [])
    for callback in callbacks:
        try:
            callback()
        except Exception:  # the commit happened; a failing side effect must not undo the answer
            log.exception("after-commit callback failed")


@event.listens_for(Session, "after_transaction_end")
def _drop_callbacks(session: Session, transaction: SessionTransaction) -> None:
    # A root transaction ending without after_commit (rollback, close) discards its work,
    # so its side effects are dropped too; after a commit the list is already empty.
    if transaction.parent is None:
        session.info.pop(_KEY, None)
