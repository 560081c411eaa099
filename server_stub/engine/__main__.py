"""Command line: ``python -m server_stub.engine serial|match|ranks FILE|-``.

Prints the result as JSON on standard output. Bad input exits with status 2
and one line on standard error naming the culprit, never a traceback, so that
staff scripts can show the line as is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .matching import match
from .ranks import call_order
from .serial import simulate

COMMANDS: dict[str, Callable[[Mapping[str, Any]], Mapping[str, object]]] = {
    "serial": simulate,
    "match": match,
    "ranks": call_order,
}
USAGE = "usage: python -m server_stub.engine serial|match|ranks FILE|-"


def _error(message: str) -> int:
    sys.stderr.write("error: " + " ".join(message.split("\n")) + "\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 1 and args[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    if len(args) != 2 or args[0] not in COMMANDS:
        return _error(USAGE)
    command, source = args
    try:
        if source == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as f:
                raw = f.read()
    except OSError as exc:
        return _error(f"cannot read {source}: {exc.strerror or exc}")
    try:
        instance = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return _error(f"malformed JSON in {source}: {exc}")
    except RecursionError:
        return _error(f"malformed JSON in {source}: nested too deeply")
    try:
        result = COMMANDS[command](instance)
    except ValueError as exc:
        return _error(str(exc))
    out = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.buffer.write(out.encode("utf-8") + b"\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
