"""`backleg plans export/import` in a real subprocess: the round trip and every bad file."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.services.store import open_store

GOOD = """\
[[plan]]
name = "Home legs"
summary = "Bridges, lunges and a \\"wall\\" hold"

[[plan.item]]
exercise = "glute-bridge"
sets = 3
reps = [10, 12]
rest_seconds = [30, 45]
warmup_sets = 1
note = "Squeeze at the top"

[[plan.item]]
exercise = "reverse-lunge"
sets = [2, 3]
reps = 8
per_leg = true
rest_seconds = 60

[[plan.item]]
exercise = "wall-squat"
sets = 2
hold_seconds = [20, 30]
rest_seconds = 45

[[plan]]
name = "Hips"

[[plan.item]]
exercise = "hip thrust"
sets = 2
reps = 10
rest_seconds = 60
warmup_sets = 2
"""


def backleg(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BACKLEG_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "backleg_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def with_user_exercise(data_dir: Path, name: str = "Hip Thrust") -> None:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        store.workouts.add_user_exercise(name)


def stored_plans(data_dir: Path) -> list[object]:
    with open_store(data_dir, load_library(), make_daily_backup=False) as store:
        return [(p.name, p.summary, p.items) for p in store.plans.all()]


def test_export_import_into_a_fresh_folder_and_again(tmp_path: Path) -> None:
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    source = tmp_path / "mine.toml"
    source.write_text(GOOD, encoding="utf-8")
    with_user_exercise(first)
    done = backleg(first, "plans", "import", str(source))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-3:] == [
        'Added: "Home legs"',
        'Added: "Hips"',
        f"Read 2 plans from {source}: 2 added, 0 updated, 0 unchanged.",
    ]
    exported = tmp_path / "exported.toml"
    done = backleg(first, "plans", "export", str(exported))
    assert done.returncode == 0, done.stderr
    assert f"Exported 2 plans to {exported}" in done.stdout
    # The file says what was imported (in the order plans are listed: by name when
    # none was used yet), user exercises by their stored name.
    written = tomllib.loads(exported.read_text("utf-8"))["plan"]
    expected = tomllib.loads(GOOD.replace('"hip thrust"', '"Hip Thrust"'))["plan"]
    assert written == sorted(expected, key=lambda plan: plan["name"])
    with_user_exercise(fresh, "hip thrust")  # the same exercise, typed in another case
    assert backleg(fresh, "plans", "import", str(exported)).returncode == 0
    assert stored_plans(fresh) == [
        (name, summary, tuple(_as_typed(item) for item in items))
        for name, summary, items in stored_plans(first)
    ]
    # Exported from the fresh folder, it is the same file (but the exercise's spelling).
    again_file = tmp_path / "again.toml"
    assert backleg(fresh, "plans", "export", str(again_file)).returncode == 0
    assert again_file.read_text("utf-8") == exported.read_text("utf-8").replace(
        '"Hip Thrust"', '"hip thrust"'
    )
    # Importing the same file again adds no copy.
    again = backleg(fresh, "plans", "import", str(exported))
    assert again.returncode == 0, again.stderr
    assert (
        'Unchanged: "Home legs"' in again.stdout
        and "0 added, 0 updated, 2 unchanged" in again.stdout
    )
    assert len(stored_plans(fresh)) == 2
    # A changed plan with the same name (any case) replaces the stored one.
    exported.write_text(
        exported.read_text("utf-8")
        .replace('name = "Hips"', 'name = "HIPS"')
        .replace("warmup_sets = 2", "warmup_sets = 1"),
        encoding="utf-8",
    )
    changed = backleg(fresh, "plans", "import", str(exported))
    assert 'Updated: "HIPS"' in changed.stdout and "1 updated, 1 unchanged" in changed.stdout
    names = [name for name, _, _ in stored_plans(fresh)]
    assert sorted(names) == ["HIPS", "Home legs"]


def _as_typed(item):  # type: ignore[no-untyped-def]
    if item.exercise_id == "user:Hip Thrust":
        return replace(item, exercise_id="user:hip thrust")
    return item


def test_export_without_plans_writes_nothing(tmp_path: Path) -> None:
    done = backleg(tmp_path / "d", "plans", "export", str(tmp_path / "none.toml"))
    assert done.returncode == 0 and "no plans of your own" in done.stdout
    assert not (tmp_path / "none.toml").exists()


def test_export_never_writes_over_backlegs_own_files(tmp_path: Path) -> None:
    data = tmp_path / "d"
    good = tmp_path / "good.toml"
    good.write_text(GOOD.split('[[plan]]\nname = "Hips"')[0], encoding="utf-8")
    assert backleg(data, "plans", "import", str(good)).returncode == 0
    before = (data / "backleg.sqlite3").read_bytes()
    done = backleg(data, "plans", "export", str(data / "backleg.sqlite3"))
    assert done.returncode == 1 and "one of Backleg's own files" in done.stderr
    assert (data / "backleg.sqlite3").read_bytes() == before


def broken(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


BAD_FILES = [
    pytest.param(
        broken('exercise = "glute-bridge"', 'exercise = "glute-bridges"'),
        'plan 1 "Home legs", item 1 (glute-bridges): field "exercise": '
        'unknown exercise "glute-bridges"',
        id="unknown exercise",
    ),
    pytest.param(
        broken("reps = [10, 12]", "reps = [12, 10]"),
        'plan 1 "Home legs", item 1 (glute-bridge): field "reps": low 12 is greater than high 10',
        id="range backwards",
    ),
    pytest.param(
        broken("rest_seconds = [30, 45]", "rest_seconds = [30, 45]\nper_leg = true"),
        'plan 1 "Home legs", item 1 (glute-bridge): field "per_leg": '
        '"glute-bridge" is not a one-sided exercise',
        id="per_leg on a two-leg move",
    ),
    pytest.param(
        broken("hold_seconds = [20, 30]", "hold_seconds = [20, 30]\nreps = 5"),
        'plan 1 "Home legs", item 3 (wall-squat): field "hold_seconds": '
        "an item has either reps or hold_seconds, never both",
        id="reps and a hold together",
    ),
    pytest.param(
        broken('name = "Hips"\n', ""),
        'plan 2: field "name": is missing',
        id="no name",
    ),
    pytest.param(
        broken('name = "Hips"', 'name = "Hips'),
        "line 27, column 13: this is not valid TOML",
        id="not TOML",
    ),
    pytest.param(
        broken("warmup_sets = 2", "warmup_sets = 3"),
        'plan 2 "Hips", item 1 (hip thrust): field "warmup_sets": must be 0 to 2, not 3',
        id="three warm-ups",
    ),
    pytest.param(
        broken('name = "Hips"', 'name = "home LEGS"'),
        'plan 2 "home LEGS": field "name": plan 1 has the same name',
        id="two plans of one name",
    ),
    pytest.param(
        broken('name = "Hips"', 'name = "Gentle day"'),
        'plan 2 "Gentle day": field "name": a built-in plan is already called "Gentle day"',
        id="a built-in plan's name",
    ),
    pytest.param(
        broken("sets = 2\nhold", "set = 2\nhold"),
        'plan 1 "Home legs", item 3 (wall-squat): field "set": is not a known field',
        id="a typo in a field name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FILES)
def test_a_bad_file_imports_nothing_and_says_where(
    tmp_path: Path, text: str, expected: str
) -> None:
    data = tmp_path / "d"
    with_user_exercise(data)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    done = backleg(data, "plans", "import", str(bad))
    assert done.returncode == 1
    assert f"{bad}: {expected}" in done.stderr, done.stderr
    assert "nothing was imported" in done.stderr.lower()
    assert "Traceback" not in done.stderr and done.stdout.strip() == ""
    assert stored_plans(data) == []  # the good plan in the file is not imported either


def test_a_missing_file_and_a_binary_file_are_named(tmp_path: Path) -> None:
    data = tmp_path / "d"
    missing = backleg(data, "plans", "import", str(tmp_path / "nope.toml"))
    assert missing.returncode == 1
    assert f"{tmp_path / 'nope.toml'}: there is no such file" in missing.stderr
    binary = tmp_path / "plans.toml"
    binary.write_bytes(b"\xff\xfe\x00[[plan]]")
    done = backleg(data, "plans", "import", str(binary))
    assert done.returncode == 1 and "is not a text file in UTF-8" in done.stderr
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    done = backleg(data, "plans", "import", str(empty))
    assert done.returncode == 1 and "no plans in the file" in done.stderr
