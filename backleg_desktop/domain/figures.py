"""A 2D side-view figure: joint angles in, joint positions out (forward kinematics).

The figure faces +x, the floor is y = 0 and y points up; lengths are metres for an adult
of about 1.75 m. A pose holds angles only, so every segment keeps its length in every
frame, including the in-between frames of an animation. Directions are degrees measured
from straight down, turning towards the front (+x): 0 down, 90 forward, 180 up.

Qt-free: the content loader validates poses with it and the UI draws what it returns.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

Point = tuple[float, float]
Side = Literal["near", "far"]
SIDES: tuple[Side, ...] = ("near", "far")

# Segment lengths (m), after Winter's anthropometric ratios for a 1.75 m adult.
SEGMENTS: Mapping[str, float] = MappingProxyType(
    {
        "lumbar": 0.22,  # pelvis to mid-back
        "thoracic": 0.28,  # mid-back to the shoulders
        "neck": 0.12,  # shoulders to the centre of the head
        "thigh": 0.43,
        "shin": 0.43,
        "foot": 0.20,  # ankle to toes
        "heel": 0.08,  # ankle down to the heel
        "upper_arm": 0.31,
        "forearm": 0.28,  # elbow to the hand
    }
)
HEAD_RADIUS = 0.11
FOOT_SLANT = 20.0

# The bones as (from joint, to joint, segment); sided ones exist for "near" and "far".
BONES: tuple[tuple[str, str, str], ...] = (
    ("pelvis", "mid_back", "lumbar"),
    ("mid_back", "shoulder", "thoracic"),
    ("shoulder", "head", "neck"),
)
SIDED_BONES: tuple[tuple[str, str, str], ...] = (
    ("pelvis", "knee", "thigh"),
    ("knee", "ankle", "shin"),
    ("ankle", "toe", "foot"),
    ("ankle", "heel", "heel"),
    ("shoulder", "elbow", "upper_arm"),
    ("elbow", "hand", "forearm"),
)

# Joint angles a pose may set, with the range a healthy adult reaches (degrees).
# trunk: forward lean of the lower back from upright (90 face down, -90 face up).
# spine: how far the upper back bends forward from the lower back (rounding > 0).
# hip: thigh forward of the trunk line; knee: bend; ankle: dorsiflexion (toes up) > 0;
# shoulder: arm forward of the trunk line (180 overhead); elbow: bend.
JOINT_LIMITS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "trunk": (-180.0, 180.0),
        "spine": (-20.0, 40.0),
        "neck": (-30.0, 45.0),
        "hip": (-30.0, 135.0),
        "knee": (0.0, 150.0),
        "ankle": (-50.0, 45.0),  # loaded, as at the back foot of a lunge
        "shoulder": (-60.0, 180.0),
        "elbow": (0.0, 150.0),
    }
)
SIDED_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
# A neutral spine: the upper back within this many degrees of the lower back's line.
NEUTRAL_SPINE_DEGREES = 10.0

ANGLE_KEYS: tuple[str, ...] = (
    "trunk",
    "spine",
    "neck",
    *(f"{side}_{joint}" for side in SIDES for joint in SIDED_JOINTS),
)
JOINT_NAMES: tuple[str, ...] = (
    "pelvis",
    "mid_back",
    "shoulder",
    "head",
    *(f"{side}_{j}" for side in SIDES for j in ("knee", "ankle", "heel", "toe", "elbow", "hand")),
)


def limit_for(key: str) -> tuple[float, float]:
    """The human range of an angle key such as "near_knee" or "trunk"."""
    return JOINT_LIMITS[key.split("_", 1)[1] if key.startswith(SIDES) else key]


def direction(degrees: float) -> Point:
    """The unit vector of a direction: 0 down, 90 forward, 180 up."""
    radians = math.radians(degrees)
    return (math.sin(radians), -math.cos(radians))


@dataclass(frozen=True)
class Pose:
    """Joint angles (ANGLE_KEYS, degrees) and which joint sits where.

    `anchor` names a joint (JOINT_NAMES) that is placed at `at`; the rest of the body
    hangs off it, so a standing pose keeps its front foot on the floor.
    """

    angles: Mapping[str, float]
    anchor: str = "pelvis"
    at: Point = (0.0, 1.0)

    def angle(self, key: str) -> float:
        return self.angles.get(key, 0.0)

    def joints(self) -> dict[str, Point]:
        """Every joint's position (JOINT_NAMES)."""
        points = _joints_from_pelvis(self)
        ax, ay = points[self.anchor]
        dx, dy = self.at[0] - ax, self.at[1] - ay
        return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


def _joints_from_pelvis(pose: Pose) -> dict[str, Point]:
    a = pose.angle
    points: dict[str, Point] = {"pelvis": (0.0, 0.0)}

    def step(start: str, name: str, segment: str, degrees: float) -> None:
        x, y = points[start]
        ux, uy = direction(degrees)
        length = SEGMENTS[segment]
        points[name] = (x + ux * length, y + uy * length)

    lower = 180.0 - a("trunk")
    upper = lower - a("spine")
    step("pelvis", "mid_back", "lumbar", lower)
    step("mid_back", "shoulder", "thoracic", upper)
    step("shoulder", "head", "neck", upper - a("neck"))
    for side in SIDES:
        thigh = a(f"{side}_hip") - a("trunk")
        shin = thigh - a(f"{side}_knee")
        step("pelvis", f"{side}_knee", "thigh", thigh)
        step(f"{side}_knee", f"{side}_ankle", "shin", shin)
        # The line ankle→toes slants FOOT_SLANT below square to the shin, so a neutral
        # ankle stands with heel and toes on the floor.
        foot = shin + 90.0 - FOOT_SLANT + a(f"{side}_ankle")
        step(f"{side}_ankle", f"{side}_toe", "foot", foot)
        step(f"{side}_ankle", f"{side}_heel", "heel", foot - 80.0)
        arm = upper - 180.0 + a(f"{side}_shoulder")
        step("shoulder", f"{side}_elbow", "upper_arm", arm)
        step(f"{side}_elbow", f"{side}_hand", "forearm", arm + a(f"{side}_elbow"))
    return points


def segment_direction(points: Mapping[str, Point], start: str, end: str) -> float:
    """The direction (degrees, see `direction`) from joint `start` to joint `end`."""
    (x0, y0), (x1, y1) = points[start], points[end]
    return math.degrees(math.atan2(x1 - x0, -(y1 - y0)))


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction `t` of the way from `a` to `b`, angle by angle.

    The anchor point is blended too, so a figure whose anchor changes between keyframes
    (a foot stepping back) moves smoothly rather than jumping.
    """
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b
    keys = set(a.angles) | set(b.angles)
    angles = {k: a.angle(k) + (b.angle(k) - a.angle(k)) * t for k in keys}
    # Place b's anchor joint for the blended angles, at the blended anchor position.
    pa = a.joints()[b.anchor]
    pb = b.at
    at = (pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t)
    return Pose(angles=MappingProxyType(angles), anchor=b.anchor, at=at)


PropKind = Literal[
    "leg-extension-machine", "leg-curl-bench", "kettlebell", "dumbbells", "mat", "box", "wall"
]
PROP_KINDS: tuple[str, ...] = (
    "leg-extension-machine",
    "leg-curl-bench",
    "kettlebell",
    "dumbbells",
    "mat",
    "box",
    "wall",
)


@dataclass(frozen=True)
class Prop:
    """A piece of kit. `x`, `y`: its reference corner or point; `width`, `height` in m."""

    kind: str
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class Keyframe:
    name: str
    pose: Pose
    move_seconds: float  # time to get here from the frame before (the last, for the first)
    hold_seconds: float  # time held here
    cue: int  # index (0-based) of the exercise cue this phase shows


@dataclass(frozen=True)
class Figure:
    """An exercise drawn: its keyframes in order (looping back to the first) and kit.

    `working` says which leg does the work ("near", "far" or "both"), so a one-leg move
    can draw that leg in a stronger tone.
    """

    exercise_id: str
    frames: tuple[Keyframe, ...]
    props: tuple[Prop, ...] = ()
    working: str = "both"
    turn: int = 1  # index of the turning-point frame: the still on cards
    notes: str = field(default="", compare=False)

    @property
    def duration(self) -> float:
        return sum(f.move_seconds + f.hold_seconds for f in self.frames)

    @property
    def start_pose(self) -> Pose:
        return self.frames[0].pose

    @property
    def turn_pose(self) -> Pose:
        return self.frames[self.turn].pose

    def frame_start(self, index: int) -> float:
        """Seconds into the loop at which frame `index` is reached (its hold begins)."""
        elapsed = 0.0
        for i, frame in enumerate(self.frames):
            elapsed += frame.move_seconds
            if i == index:
                return elapsed
            elapsed += frame.hold_seconds
        raise IndexError(index)

    def at(self, seconds: float) -> tuple[Pose, int]:
        """The pose `seconds` into the loop, and the frame whose phase it is in."""
        total = self.duration
        t = seconds % total if total > 0 else 0.0
        previous = self.frames[-1]
        for index, frame in enumerate(self.frames):
            if t < frame.move_seconds:
                return blend(previous.pose, frame.pose, _ease(t / frame.move_seconds)), index
            t -= frame.move_seconds
            if t < frame.hold_seconds:
                return frame.pose, index
            t -= frame.hold_seconds
            previous = frame
        return self.frames[0].pose, 0


def _ease(t: float) -> float:
    """Smooth start and stop, as a controlled rep moves."""
    return t * t * (3.0 - 2.0 * t)


def with_angles(pose: Pose, **changes: float) -> Pose:
    """A copy of `pose` with some angles changed (for tests and tools)."""
    return replace(pose, angles=MappingProxyType({**pose.angles, **changes}))


@dataclass(frozen=True)
class FigureBook:
    """The drawn figures by exercise id, and the exercises still without one."""

    figures: Mapping[str, Figure] = field(default_factory=lambda: MappingProxyType({}))
    missing: tuple[str, ...] = ()  # exercise ids drawn as the neutral placeholder

    def get(self, exercise_id: str) -> Figure | None:
        return self.figures.get(exercise_id)
