"""Amphi reference server: FastAPI + SQLAlchemy, with the assignment engine inside."""

__version__ = "0.1.0"
