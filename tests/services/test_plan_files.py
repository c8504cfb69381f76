"""Plan files without a subprocess: any text survives a round trip, and writing is safe."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.services.plan_catalog import known_exercises
from backleg_desktop.services.plan_files import (
    PlanFileError,
    plan_file_text,
    read_plan_file,
    toml_string,
    write_plan_file,
)

LIBRARY = load_library()
KNOWN = known_exercises(LIBRARY, [("user:Hip Thrust", "Hip Thrust")])
BRIDGE = PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30))


@given(st.text())
def test_any_text_is_a_toml_string_that_reads_back(text: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}") == {"x": text}


@settings(max_examples=50)
@given(
    name=st.text(min_size=1, max_size=40).filter(lambda t: t.strip() == t and t.strip()),
    note=st.text(max_size=60).filter(lambda t: t.strip() == t),
)
def test_a_plan_written_reads_back_equal(
    tmp_path_factory: pytest.TempPathFactory, name: str, note: str
) -> None:
    plan = Plan(
        "",
        name,
        "Mine",
        (
            PlanItem(
                "glute-bridge",
                IntRange(2, 3),
                IntRange(8, 10),
                False,
                IntRange(30, 45),
                None,
                1,
                note,
            ),
            PlanItem("user:Hip Thrust", IntRange(2, 2), IntRange(10, 10), False, IntRange(60, 60)),
            PlanItem("wall-squat", IntRange(1, 1), None, False, IntRange(30, 30), IntRange(20, 30)),
            PlanItem("step-up", IntRange(2, 2), IntRange(8, 8), True, IntRange(45, 60)),
        ),
        "user",
    )
    path = tmp_path_factory.mktemp("plans") / "p.toml"
    write_plan_file(path, [plan])
    assert read_plan_file(path, KNOWN) == [plan]


def test_a_failed_write_leaves_the_earlier_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.toml"
    path.write_text("earlier", encoding="utf-8")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full_disk)
    with pytest.raises(OSError) as info:
        write_plan_file(path, [Plan("", "A", "", (BRIDGE,), "user")])
    assert info.value.filename == str(path)
    assert path.read_text("utf-8") == "earlier"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_every_problem_in_a_file_is_listed_with_its_plan_item_and_field(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    text = plan_file_text([Plan("", "A", "", (BRIDGE,), "user")])
    path.write_text(text.replace("reps = [8, 10]", "reps = [10, 8]\nhold_seconds = 30"), "utf-8")
    with pytest.raises(PlanFileError) as info:
        read_plan_file(path, KNOWN)
    assert info.value.problems == [
        f'{path}: plan 1 "A", item 1 (glute-bridge): field "hold_seconds": '
        "an item has either reps or hold_seconds, never both",
        f'{path}: plan 1 "A", item 1 (glute-bridge): field "reps": low 10 is greater than high 8',
    ]


def test_blank_optional_text_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[[plan]]\nname = "A"\nsummary = ""\n\n[[plan.item]]\nexercise = "glute-bridge"\n'
        'sets = [2, 3]\nreps = [8, 10]\nrest_seconds = 30\nnote = ""\n',
        encoding="utf-8",
    )
    assert read_plan_file(path, KNOWN) == [Plan("", "A", "", (BRIDGE,), "user")]
