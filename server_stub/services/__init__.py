"""Transactional use cases: routes call one of these, nothing else touches the database.

Conventions: a service function takes the request's `Session` first, does its whole unit
of work, and commits it itself before returning (so a refusal that must leave a trace,
such as a failed sign-in, can commit the trace and then raise). Refusals are
`server_stub.errors.ApiError`. Mail and live events are only sent once the commit
succeeded (`server_stub.txn.on_commit`).
"""
