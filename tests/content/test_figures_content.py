"""figures.toml: which moves are drawn, the form each drawing shows, and the loader's checks."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from backleg_desktop import assets
from backleg_desktop.content.loader import ContentError, load_library
from backleg_desktop.domain.figures import segment_direction

LIBRARY = load_library()
BOOK = LIBRARY.figures
MAIN = ["leg-extension", "lying-leg-curl", "goblet-squat", "reverse-lunge", "split-stance-rdl"]
SUPPORTING = [
    "glute-bridge",
    "bird-dog",
    "dead-bug",
    "step-up",
    "wall-squat",
    "modified-plank",
    "box-squat",
    "static-lunge",
    "single-leg-straight-leg-raise",
    "bulgarian-split-squat",
]


def joints(exercise_id: str, frame: str = "turn") -> dict[str, tuple[float, float]]:
    figure = BOOK.figures[exercise_id]
    pose = figure.turn_pose if frame == "turn" else figure.start_pose
    return pose.joints()


def angle_at(j: dict[str, tuple[float, float]], a: str, b: str, c: str) -> float:
    """The angle (degrees) at joint b between b→a and b→c: 180 is straight."""
    (ax, ay), (bx, by), (cx, cy) = j[a], j[b], j[c]
    first = math.atan2(ay - by, ax - bx)
    second = math.atan2(cy - by, cx - bx)
    return abs(math.degrees((first - second + math.pi) % (2 * math.pi) - math.pi))


def test_the_main_and_the_named_supporting_moves_are_drawn() -> None:
    for exercise_id in MAIN + SUPPORTING:
        assert exercise_id in BOOK.figures, exercise_id


def test_the_loader_lists_the_moves_without_a_figure() -> None:
    assert set(BOOK.missing) == set(LIBRARY.exercises) - set(BOOK.figures)
    assert "leg-press" in BOOK.missing  # its machine is not one of the props yet
    assert "clamshell" in BOOK.missing  # the knee opens towards the viewer: not a side view


def test_one_leg_moves_show_which_leg_works() -> None:
    for exercise_id, figure in BOOK.figures.items():
        if LIBRARY.exercise(exercise_id).one_sided:
            assert figure.working in ("near", "far"), exercise_id


def test_reverse_lunge_bottom_both_knees_near_90_front_knee_over_ankle_back_knee_low() -> None:
    j = joints("reverse-lunge")
    front = 180 - angle_at(j, "pelvis", "near_knee", "near_ankle")
    back = 180 - angle_at(j, "pelvis", "far_knee", "far_ankle")
    assert 80 <= front <= 110 and 80 <= back <= 110, (front, back)
    assert abs(j["near_knee"][0] - j["near_ankle"][0]) < 0.06
    assert 0.02 < j["far_knee"][1] < 0.12  # just above the floor, not on it
    assert abs(segment_direction(j, "pelvis", "shoulder") - 180) < 10  # chest up


def test_split_stance_rdl_hinges_at_the_hips_with_a_flat_back_and_a_soft_front_knee() -> None:
    figure = BOOK.figures["split-stance-rdl"]
    pose = figure.turn_pose
    assert pose.angle("trunk") >= 45  # a real hinge
    assert pose.angle("spine") == 0  # flat back: the bend is at the hips
    assert 5 <= pose.angle("near_knee") <= 30  # soft, not locked, not squatting
    j = pose.joints()
    assert j["far_toe"][1] < 0.03  # the back foot's toes stay on the floor
    assert j["near_hand"][0] > j["pelvis"][0]  # the weights travel down in front


def test_goblet_squat_keeps_the_weight_at_the_chest_and_the_chest_up() -> None:
    figure = BOOK.figures["goblet-squat"]
    assert [p.kind for p in figure.props] == ["kettlebell"]
    for pose in (figure.start_pose, figure.turn_pose):
        j = pose.joints()
        chest = (
            (j["mid_back"][0] + j["shoulder"][0]) / 2,
            (j["mid_back"][1] + j["shoulder"][1]) / 2,
        )
        assert math.dist(j["near_hand"], chest) < 0.3
        assert pose.angle("trunk") <= 40
    bottom = figure.turn_pose.joints()
    assert bottom["near_heel"][1] == pytest.approx(0.0, abs=0.01)  # heels down


def test_lying_leg_curl_keeps_the_hips_on_the_bench() -> None:
    figure = BOOK.figures["lying-leg-curl"]
    bench = next(p for p in figure.props if p.kind == "leg-curl-bench")
    for frame in figure.frames:
        j = frame.pose.joints()
        assert 0.0 < j["pelvis"][1] - bench.y < 0.15  # lying on the pad
        assert bench.x <= j["pelvis"][0] <= bench.x + bench.width
    assert figure.turn_pose.angle("near_knee") >= 100  # heels come up


class Copy:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def edit(self, old: str, new: str) -> None:
        path = self.folder / "figures.toml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def errors(self) -> list[str]:
        with pytest.raises(ContentError) as info:
            load_library(self.folder)
        return info.value.errors


@pytest.fixture
def content(tmp_path: Path) -> Copy:
    folder = tmp_path / "content"
    shutil.copytree(assets.content_dir(), folder)
    return Copy(folder)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "pose = { near_knee = 5, far_knee = 5 }",
            "pose = { near_knee = -20, far_knee = 5 }",
            "figures.toml: figure 'leg-extension': frame 'legs straight': "
            "near_knee = -20° is outside the human range 0–150°",
        ),
        (
            "pose = { trunk = 60, near_hip = 75",
            "pose = { trunk = 60, spine = 25, near_hip = 75",
            "figures.toml: figure 'split-stance-rdl': frame 'hinged': spine = 25° is not neutral",
        ),
        (
            '{ kind = "kettlebell" }',
            '{ kind = "barbell" }',
            "figures.toml: figure 'goblet-squat': field \"props\": unknown prop 'barbell'",
        ),
        (
            'exercise = "box-squat"',
            'exercise = "box-jump"',
            "figures.toml: figure 'box-jump': field \"exercise\": no exercise has this id",
        ),
        (
            'exercise = "reverse-lunge"\nworking = "near"',
            'exercise = "reverse-lunge"\nworking = "both"',
            "figures.toml: figure 'reverse-lunge': field \"working\": a one-leg move must say",
        ),
        (
            "cue = 3\npose = { near_knee = 5, far_knee = 5 }",
            "cue = 9\npose = { near_knee = 5, far_knee = 5 }",
            "figures.toml: figure 'leg-extension': frame 'legs straight': field \"cue\": "
            "the exercise has only 4 cues, not 9",
        ),
        (
            'anchor = "pelvis"\nat = [0.0, 0.62]\nprops = [{ kind = "leg-extension',
            'anchor = "pelvis"\nat = [0.0, 0.3]\nprops = [{ kind = "leg-extension',
            "figures.toml: figure 'leg-extension': frame 'start': near_ankle, near_toe, near_heel",
        ),
        (
            "near_knee = 5, far_knee = 5 }",
            "near_kne = 5, far_knee = 5 }",
            "figures.toml: figure 'leg-extension': frame 'legs straight': "
            "field \"pose\": unknown joint angle 'near_kne'",
        ),
    ],
)
def test_a_broken_figure_is_reported_with_where_and_what(
    content: Copy, old: str, new: str, message: str
) -> None:
    content.edit(old, new)
    errors = content.errors()
    assert any(e.startswith(message) for e in errors), errors


def test_a_missing_figures_file_is_reported_once(content: Copy) -> None:
    (content.folder / "figures.toml").unlink()
    assert content.errors() == [f"figures.toml: file is missing from {content.folder}"]
