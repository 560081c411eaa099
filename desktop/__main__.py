"""`python -m desktop` / `amphi`: start the client (see `desktop.app.main`)."""

from __future__ import annotations

import sys


def main() -> int:
    from desktop.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
