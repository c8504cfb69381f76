"""Alembic migrations for backleg.sqlite3, shipped inside the package (no alembic.ini)."""
