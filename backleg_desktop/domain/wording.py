"""Counts in words: "1 set", "2 sets", never "set(s)"."""

from __future__ import annotations


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """`count_of(1, "set")` is "1 set"; `count_of(1200, "set")` is "1,200 sets"."""
    word = noun if count == 1 else (plural or noun + "s")
    return f"{count:,} {word}"
