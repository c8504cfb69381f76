"""Pain check-in rules: a 0–10 level, the advice band it falls in, and sharp pain means stop.

Pure Python. The advice text lives in the content (`resources/content/guidance.toml`);
this module only decides which piece applies. The library is typed structurally
(`PainGuide`) because the domain layer sits below the content layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

PAIN_MIN = 0
PAIN_MAX = 10


class PainBandLike(Protocol):
    @property
    def title(self) -> str: ...
    @property
    def advice(self) -> str: ...
    @property
    def suggest_plan(self) -> str | None: ...
    @property
    def recommend_stop(self) -> bool: ...


class SharpPainText(Protocol):
    @property
    def sharp_pain(self) -> str: ...


class PainGuide(Protocol):
    """What a content `Library` offers for pain advice."""

    @property
    def guidance(self) -> SharpPainText: ...

    def pain_band(self, level: int) -> PainBandLike: ...


@dataclass(frozen=True)
class PainAdvice:
    """What to tell someone after a check-in."""

    level: int
    title: str
    advice: str
    suggest_plan: str | None  # a plan id to offer instead, e.g. "quick-add-on"
    stop: bool  # recommend not training now (high pain) or stopping (sharp pain)
    sharp: bool


def validate_pain_level(level: int) -> int:
    """Return `level` if it is a whole number from 0 to 10, else raise ValueError."""
    if isinstance(level, bool) or not isinstance(level, int):
        raise ValueError(f"pain level must be a whole number, not {level!r}")
    if not PAIN_MIN <= level <= PAIN_MAX:
        raise ValueError(f"pain level must be from {PAIN_MIN} to {PAIN_MAX}, not {level}")
    return level


def pain_from_key(text: str) -> int | None:
    """The level a key press sets during a check-in: "0"–"9", anything else None.

    10 has no single key; the slider reaches it.
    """
    return int(text) if len(text) == 1 and text in "0123456789" else None


def advise(guide: PainGuide, level: int, *, sharp: bool = False) -> PainAdvice:
    """Pick the advice for a check-in. Sharp pain always means stop, whatever the level."""
    level = validate_pain_level(level)
    band = guide.pain_band(level)
    if sharp:
        return PainAdvice(
            level=level,
            title="Sharp pain: stop",
            advice=guide.guidance.sharp_pain,
            suggest_plan=None,
            stop=True,
            sharp=True,
        )
    return PainAdvice(
        level=level,
        title=band.title,
        advice=band.advice,
        suggest_plan=band.suggest_plan,
        stop=band.recommend_stop,
        sharp=False,
    )


def pain_change(before: int | None, after: int | None) -> int | None:
    """After minus before (negative is better), or None if either was skipped."""
    if before is None or after is None:
        return None
    return after - before


def format_pain_change(before: int | None, after: int | None) -> str:
    """ "4 → 2"; a skipped check-in shows as "–"."""

    def show(level: int | None) -> str:
        return "–" if level is None else str(level)

    return f"{show(before)} → {show(after)}"
