"""`python -m desktop` / `amphi`: start the client (see `desktop.app.main`).

The frozen build's executable also runs the bundled server (`amphi --run-server ARGS…`):
that dispatch is in installer/amphi_entry.py, since the client never imports `server_stub`.
"""

from __future__ import annotations

import sys


def main() -> int:
    from desktop.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
