"""The national choice's screens (issue 4); wired by `desktop/areas/national.py`."""
