"""Full-text search: one interface, SQLite FTS5 or PostgreSQL full-text underneath.

Other apps feed it plain-text documents through ``services`` and read through
``selectors``; every result is filtered by the access module inside the query.
"""
