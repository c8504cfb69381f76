"""The figure model: lengths never change, angles stay human, the tempo is kept."""

from __future__ import annotations

import math

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.figures import (
    BONES,
    NEUTRAL_SPINE_DEGREES,
    SEGMENTS,
    SIDED_BONES,
    SIDES,
    Figure,
    Keyframe,
    Pose,
    blend,
    limit_for,
)

LIBRARY = load_library()
FIGURES = dict(LIBRARY.figures.figures)


def bone_lengths(pose: Pose) -> dict[str, float]:
    joints = pose.joints()
    lengths = {}
    for start, end, segment in BONES:
        lengths[f"{start}-{end}"] = math.dist(joints[start], joints[end])
        assert lengths[f"{start}-{end}"] == pytest.approx(SEGMENTS[segment], abs=1e-9)
    for side in SIDES:
        for start, end, segment in SIDED_BONES:
            a = start if start in ("pelvis", "shoulder") else f"{side}_{start}"
            length = math.dist(joints[a], joints[f"{side}_{end}"])
            assert length == pytest.approx(SEGMENTS[segment], abs=1e-9), (side, start, end)
            lengths[f"{a}-{side}_{end}"] = length
    return lengths


def test_there_are_figures_to_check() -> None:
    assert len(FIGURES) >= 14


@pytest.mark.parametrize("exercise_id", sorted(FIGURES))
def test_segment_lengths_are_the_same_in_every_frame(exercise_id: str) -> None:
    figure = FIGURES[exercise_id]
    # Keyframes and the in-between frames the animation draws, 20 per second.
    steps = int(figure.duration * 20) + 1
    for i in range(steps):
        pose, _phase = figure.at(i / 20)
        bone_lengths(pose)


@pytest.mark.parametrize("exercise_id", sorted(FIGURES))
def test_every_keyframe_is_within_human_joint_limits(exercise_id: str) -> None:
    for frame in FIGURES[exercise_id].frames:
        for key, value in frame.pose.angles.items():
            low, high = limit_for(key)
            assert low <= value <= high, (exercise_id, frame.name, key, value)
        assert abs(frame.pose.angle("spine")) <= NEUTRAL_SPINE_DEGREES, (exercise_id, frame.name)


def test_a_blend_of_two_keyframes_keeps_the_lengths_but_a_blend_of_points_would_not() -> None:
    standing = Pose(angles={}, anchor="near_heel", at=(0.0, 0.0))
    squat = Pose(
        angles={"trunk": 30, "near_hip": 105, "near_knee": 100, "near_ankle": 25},
        anchor="near_heel",
        at=(0.0, 0.0),
    )
    half = blend(standing, squat, 0.5)
    bone_lengths(half)
    # Averaging joint positions instead (the wrong way) shortens the thigh.
    a, b = standing.joints(), squat.joints()
    mid = {k: ((a[k][0] + b[k][0]) / 2, (a[k][1] + b[k][1]) / 2) for k in a}
    assert math.dist(mid["pelvis"], mid["near_knee"]) < SEGMENTS["thigh"] - 0.01


def test_the_tempo_gives_the_phase_and_loops() -> None:
    start = Pose(angles={}, anchor="pelvis")
    bent = Pose(angles={"near_knee": 90}, anchor="pelvis")
    figure = Figure(
        exercise_id="x",
        frames=(
            Keyframe("start", start, move_seconds=2.0, hold_seconds=1.0, cue=0),
            Keyframe("bent", bent, move_seconds=2.0, hold_seconds=1.0, cue=2),
        ),
    )
    assert figure.duration == 6.0
    assert figure.frame_start(0) == 2.0
    assert figure.frame_start(1) == 5.0
    assert figure.at(2.5) == (start, 0)  # holding the start
    pose, phase = figure.at(4.0)  # half-way down to "bent"
    assert phase == 1
    assert pose.angle("near_knee") == pytest.approx(45.0)
    assert figure.at(5.5) == (bent, 1)
    assert figure.at(8.5) == figure.at(2.5)  # the loop starts again


@pytest.mark.parametrize("exercise_id", sorted(FIGURES))
def test_no_frame_of_the_animation_goes_through_the_floor(exercise_id: str) -> None:
    figure = FIGURES[exercise_id]
    lowest = []
    for i in range(int(figure.duration * 20) + 1):
        pose, _phase = figure.at(i / 20)
        name, (_x, y) = min(pose.joints().items(), key=lambda item: item[1][1])
        lowest.append((round(y, 3), name, i / 20))
    assert min(lowest)[0] >= -0.03, min(lowest)


@pytest.mark.parametrize("exercise_id", sorted(FIGURES))
def test_no_frame_of_the_animation_goes_into_a_box_or_bench(exercise_id: str) -> None:
    """A foot resting on a bench or step stays on top of it (the Bulgarian split squat's
    back foot used to sink into the bench), and the hips only touch the box."""
    figure = FIGURES[exercise_id]
    boxes = [p for p in figure.props if p.kind == "box"]
    inside = []
    for i in range(int(figure.duration * 20) + 1):
        pose, _phase = figure.at(i / 20)
        for name, (x, y) in pose.joints().items():
            for box in boxes:
                depth = box.height - y
                if box.x < x < box.x + box.width and depth > 0.01:
                    inside.append((round(depth, 3), name, i / 20))
    assert not inside, max(inside)
