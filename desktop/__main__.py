"""`python -m desktop` / `amphi`: start the client (see `desktop.app.main`).

A frozen build has one executable: `amphi --run-server ARGS…` runs the bundled
reference server instead (the demo mode starts it that way, see demo_launcher.py).
"""

from __future__ import annotations

import sys

RUN_SERVER = "--run-server"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == [RUN_SERVER]:
        from server_stub.__main__ import main as serve

        return serve(args[1:])
    from desktop.app import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
