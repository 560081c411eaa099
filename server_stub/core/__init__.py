"""Shared plumbing of every procedure.

Database, accounts, sessions and tokens, events, mail, audit, staff, and the routes that
are not one procedure's (`core.routes`). Nothing here imports a procedure's package.
"""
