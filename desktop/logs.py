"""The client's log file: where to look when a student reports « ça n'a pas marché ».

`setup_logging(data_dir, level)` writes to `data_dir/logs/amphi.log` (UTF-8, rotated at
1 MB, three old files kept) and to stderr. Called once by `desktop.app.main`.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "amphi.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_amphi_handler"  # tags our handlers so a second call replaces them


def log_path(data_dir: Path) -> Path:
    """Where the log file of a data directory is (whether it exists yet or not)."""
    return data_dir / LOG_DIR_NAME / LOG_FILE_NAME


def setup_logging(data_dir: Path, level: int | str = logging.WARNING, *,
                  max_bytes: int = MAX_BYTES, backup_count: int = BACKUP_COUNT,
                  stderr: bool = True) -> Path:
    """Log to a rotating UTF-8 file under `data_dir/logs` and to stderr; the file's path.

    `level` is a logging level or its name ("debug", "warning", …). Calling it again
    replaces the handlers it added before (tests, a changed data directory); handlers
    installed by others are left alone. If the file cannot be opened (read-only
    folder), logging still goes to stderr and the path is returned all the same.
    """
    if isinstance(level, str):
        level = logging.getLevelNamesMapping().get(level.upper(), logging.WARNING)
    path = log_path(data_dir)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(RotatingFileHandler(path, maxBytes=max_bytes,
                                            backupCount=backup_count, encoding="utf-8"))
    except OSError as exc:
        print(f"Amphi : journal impossible à écrire dans {path} ({exc})", file=sys.stderr)
    if stderr:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        setattr(handler, _MARK, True)
        handler.setFormatter(formatter)
        handler.setLevel(level)
        root.addHandler(handler)
    root.setLevel(level)
    return path
