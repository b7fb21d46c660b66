"""Staffroom: a self-hostable home for educators' communities of practice."""

__version__ = "0.1.0"
