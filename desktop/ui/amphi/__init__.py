"""The amphitheatre choice's screens (issue 5); wired by `desktop/areas/amphi.py`.

Their background work is started with `desktop.tasks.spawn`, as everywhere in the client.
"""
