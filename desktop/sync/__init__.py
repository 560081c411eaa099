"""What views talk to: per-procedure objects that hold state, queue changes, call the API.

`account.py` (signing in and out, the profile), `connection.py` (online or not, replaying
queues when the server is back), `national.py`, `amphi.py`, `matching.py` (one procedure's
cached data, offline queue and live-event handling each), `notifications.py` (the app's one
tray icon). They use `desktop.api` and `desktop.store`, and never views or item models:
tests/desktop/test_layers.py checks it.
"""
