"""Helpers shared by tests: a small content library and a synthetic 10-year history."""
