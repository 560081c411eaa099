"""The frozen application's entry point (PyInstaller needs a script, not `-m`).

One executable, two programs: `amphi --run-server ARGS…` runs the bundled reference
server (the local demo mode and `--self-test` start it that way, see
desktop/demo_launcher.py); anything else starts the client. The dispatch lives here, not
in `desktop/`, because the client never imports `server_stub` (only the build bundles both).
"""

import multiprocessing
import sys

RUN_SERVER = "--run-server"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == [RUN_SERVER]:
        from server_stub.__main__ import main as serve

        return serve(args[1:])
    from desktop.__main__ import main as run

    return run()


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
