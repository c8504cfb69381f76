"""Fault tests: killed sessions, an export while logging, a full disk during an import."""
