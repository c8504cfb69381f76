"""Read and validate resources/content/figures.toml: each exercise's keyframes and tempo.

Checked here, so a broken figure never reaches the screen: every angle is one the model
knows and within a human range, the spine is neutral unless a figure says otherwise,
props are known kit, cues point at real cues, and no joint sinks through the floor.
Problems go into the library loader's error list, in the same "file: where: what" form.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from backleg_desktop.content.model import Exercise
from backleg_desktop.domain.figures import (
    ANGLE_KEYS,
    HEAD_RADIUS,
    JOINT_NAMES,
    NEUTRAL_SPINE_DEGREES,
    PROP_KINDS,
    Figure,
    FigureBook,
    Keyframe,
    Pose,
    Prop,
    limit_for,
)

FIGURES_FILE = "figures.toml"
WORKING = ("near", "far", "both")
MAX_MOVE_SECONDS = 10.0
MAX_HOLD_SECONDS = 60.0
# A joint may touch the floor (a knee on the mat) but not go through it.
FLOOR_TOLERANCE = 0.03

Table = Mapping[str, object]
Report = Callable[[str], None]  # records one problem


def load_figures(
    root: Table | None, exercises: Sequence[Exercise] | None, errors: list[str]
) -> FigureBook:
    """The figures in `root` (figures.toml parsed), checked against `exercises`.

    `root` None: the file is missing or unreadable (already reported). `exercises` None:
    exercises.toml could not be read, so references into it are not checked.
    """
    if root is None:
        return FigureBook()
    known = {e.id: e for e in exercises} if exercises is not None else None
    entries = root.get("figure", [])
    if not isinstance(entries, list):
        errors.append(f'{FIGURES_FILE}: "figure" must be a list of [[figure]] tables')
        return FigureBook()
    figures: dict[str, Figure] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            errors.append(f"{FIGURES_FILE}: figure {number}: must be a table")
            continue
        figure = _figure(entry, number, known, errors)
        if figure is None:
            continue
        if figure.exercise_id in figures:
            errors.append(f"{FIGURES_FILE}: figure {figure.exercise_id!r}: drawn twice")
        figures[figure.exercise_id] = figure
    missing = tuple(e for e in (known or {}) if e not in figures)
    return FigureBook(figures=MappingProxyType(figures), missing=missing)


def _figure(
    entry: Table, number: int, known: Mapping[str, Exercise] | None, errors: list[str]
) -> Figure | None:
    exercise_id = entry.get("exercise")
    where = (
        f"{FIGURES_FILE}: figure {exercise_id!r}"
        if exercise_id
        else f"{FIGURES_FILE}: figure {number}"
    )
    start = len(errors)

    def error(problem: str) -> None:
        errors.append(f"{where}: {problem}")

    if not isinstance(exercise_id, str) or not exercise_id:
        error('field "exercise": is missing')
        return None
    exercise = known.get(exercise_id) if known is not None else None
    if known is not None and exercise is None:
        error('field "exercise": no exercise has this id in exercises.toml')
    working = entry.get("working", "both")
    if working not in WORKING:
        error(f'field "working": {working!r} is not one of {", ".join(WORKING)}')
    elif exercise is not None and exercise.one_sided and working == "both":
        error('field "working": a one-leg move must say which leg works ("near" or "far")')
    neutral = entry.get("neutral_spine", True)
    if not isinstance(neutral, bool):
        error('field "neutral_spine": must be true or false')
        neutral = True
    props = tuple(_props(entry.get("props", []), error))
    base = _angles(entry.get("pose", {}), 'field "pose"', error)
    anchor, at = _placement(entry, "pelvis", (0.0, 1.0), "", error)

    raw_frames = entry.get("frame", [])
    if not isinstance(raw_frames, list) or len(raw_frames) < 2:
        error("needs at least two [[figure.frame]] tables (the start and the turning point)")
        return None
    frames: list[Keyframe] = []
    cue_count = len(exercise.cues) if exercise is not None else None
    for index, raw in enumerate(raw_frames, start=1):
        if not isinstance(raw, dict):
            error(f"frame {index}: must be a table")
            continue
        frame = _frame(raw, index, base, anchor, at, cue_count, neutral, error)
        if frame is not None:
            frames.append(frame)
    names = [f.name for f in frames]
    for name in {n for n in names if names.count(n) > 1}:
        error(f"frame name {name!r} is used twice")
    turn_name = entry.get("turn", frames[1].name if len(frames) > 1 else "")
    turn = names.index(turn_name) if turn_name in names else -1
    if turn < 0 and len(frames) == len(raw_frames):  # else a broken frame is the problem
        error(f'field "turn": no frame is called {turn_name!r}')
    if sum(f.move_seconds + f.hold_seconds for f in frames) <= 0:
        error("the tempo adds up to no time at all")
    if len(errors) > start:
        return None
    return Figure(
        exercise_id=exercise_id,
        frames=tuple(frames),
        props=props,
        working=str(working),
        turn=turn,
        notes=str(entry.get("notes", "")),
    )


def _frame(
    raw: Table,
    index: int,
    base: dict[str, float],
    anchor: str,
    at: tuple[float, float],
    cue_count: int | None,
    neutral: bool,
    error_of_figure: Report,
) -> Keyframe | None:
    name = raw.get("name", str(index))
    label = f"frame {name!r}"
    problems: list[str] = []

    def error(problem: str) -> None:
        problems.append(problem)
        error_of_figure(f"{label}: {problem}")

    angles = {**base, **_angles(raw.get("pose", {}), 'field "pose"', error)}
    frame_anchor, frame_at = _placement(raw, anchor, at, "", error)
    move = _seconds(raw, "move", MAX_MOVE_SECONDS, error)
    hold = _seconds(raw, "hold", MAX_HOLD_SECONDS, error)
    cue = raw.get("cue", 1)
    if not isinstance(cue, int) or isinstance(cue, bool) or cue < 1:
        error(f'field "cue": {cue!r} must be a cue number (1 or more)')
        cue = 1
    elif cue_count is not None and cue > cue_count:
        error(f'field "cue": the exercise has only {cue_count} cues, not {cue}')
    for key, value in angles.items():
        low, high = limit_for(key)
        if not low <= value <= high:
            error(f"{key} = {value:g}° is outside the human range {low:g}–{high:g}°")
    spine = angles.get("spine", 0.0)
    if neutral and abs(spine) > NEUTRAL_SPINE_DEGREES:
        error(
            f"spine = {spine:g}° is not neutral (within ±{NEUTRAL_SPINE_DEGREES:g}°); "
            "set neutral_spine = false only where the cues ask for a bend"
        )
    if problems:
        return None
    pose = Pose(angles=MappingProxyType(angles), anchor=frame_anchor, at=frame_at)
    joints = pose.joints()
    low_points = [j for j, (_x, y) in joints.items() if y < -FLOOR_TOLERANCE]
    if joints["head"][1] - HEAD_RADIUS < -FLOOR_TOLERANCE and "head" not in low_points:
        low_points.append("head")
    if low_points:
        error(f"{', '.join(low_points)} would be below the floor")
        return None
    return Keyframe(
        name=str(name), pose=pose, move_seconds=move, hold_seconds=hold, cue=int(cue) - 1
    )


def _angles(raw: object, label: str, error: Report) -> dict[str, float]:
    if not isinstance(raw, dict):
        error(f"{label}: must be a table of joint angles")
        return {}
    angles: dict[str, float] = {}
    for key, value in raw.items():
        if key not in ANGLE_KEYS:
            error(f"{label}: unknown joint angle {key!r}")
        elif not _is_number(value):
            error(f"{label}: {key} must be a number of degrees")
        else:
            angles[key] = float(value)
    return angles


def _placement(
    raw: Table, anchor: str, at: tuple[float, float], label: str, error: Report
) -> tuple[str, tuple[float, float]]:
    new_anchor = raw.get("anchor", anchor)
    if new_anchor not in JOINT_NAMES:
        error(f'field "anchor": {new_anchor!r} is not a joint ({", ".join(JOINT_NAMES)})')
        new_anchor = anchor
    new_at = raw.get("at", list(at))
    if not (isinstance(new_at, list) and len(new_at) == 2 and all(map(_is_number, new_at))):
        error('field "at": must be [x, y] in metres')
        return str(new_anchor), at
    return str(new_anchor), (float(new_at[0]), float(new_at[1]))


def _seconds(raw: Table, key: str, maximum: float, error: Report) -> float:
    value = raw.get(key, 0.0)
    if not _is_number(value) or not 0.0 <= float(value) <= maximum:  # type: ignore[arg-type]
        error(f'field "{key}": {value!r} must be 0–{maximum:g} seconds')
        return 0.0
    return float(value)  # type: ignore[arg-type]


def _props(raw: object, error: Report) -> list[Prop]:
    if not isinstance(raw, list):
        error('field "props": must be a list of tables')
        return []
    props: list[Prop] = []
    for item in raw:
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in PROP_KINDS:
            error(f'field "props": unknown prop {kind!r} (known: {", ".join(PROP_KINDS)})')
            continue
        assert isinstance(item, dict)
        numbers = {k: item.get(k, 0.0) for k in ("x", "y", "width", "height")}
        bad = [k for k, v in numbers.items() if not _is_number(v)]
        extra = set(item) - {"kind", *numbers}
        if bad or extra:
            error(
                f'field "props": {kind}: unknown or non-numeric {", ".join(sorted([*bad, *extra]))}'
            )
            continue
        props.append(Prop(kind=str(kind), **{k: float(v) for k, v in numbers.items()}))
    return props


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
