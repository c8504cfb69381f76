"""Backleg: a desktop workout companion for training legs safely with lower back pain."""

__version__ = "0.1.0"
