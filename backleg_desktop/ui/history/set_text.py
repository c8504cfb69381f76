"""What a set did, as one short text: reps, a hold's time, a distance and its time, RPE."""

from __future__ import annotations

from backleg_desktop.domain.history import LoggedSet
from backleg_desktop.ui.history import formatting as fmt


def distance(metres: float | None) -> str:
    """`800 m` below a kilometre, else `2.5 km` (to ten metres)."""
    if metres is None:
        return fmt.NO_VALUE
    if metres < 1000:
        return f"{metres:.0f} m"
    return f"{metres / 1000:.2f}".rstrip("0").rstrip(".") + " km"


def work(s: LoggedSet) -> str:
    """`12`, `held 60 s`, `2.5 km in 10:00 min`; `–` when nothing was logged. A set with
    reps shows only its reps: every guided set also stores how long it took."""
    time = fmt.seconds_short(s.duration_s) if s.duration_s is not None else ""
    if s.distance_m is not None:
        text = distance(s.distance_m)
        return f"{text} in {time}" if time else text
    if s.reps is None:
        return f"held {time}" if time else fmt.NO_VALUE
    return str(s.reps)


def rpe(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"
