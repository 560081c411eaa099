"""The frozen application's entry point (PyInstaller needs a script, not `-m`)."""

import multiprocessing
import sys

from desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
