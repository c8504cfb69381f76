"""Plan files as other programs and careless hands leave them: a byte order mark, values
nested thousands deep, a name as long as a book, the same name in two Unicode forms, and
numbers no session could follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.services.plan_catalog import known_exercises
from backleg_desktop.services.plan_files import PlanFileError, plan_file_text, read_plan_file

KNOWN = known_exercises(load_library(), [])
BRIDGE = PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30))
ONE = plan_file_text([Plan("", "Home legs", "", (BRIDGE,), "user")])


def test_a_file_saved_with_a_byte_order_mark_reads(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(ONE, encoding="utf-8-sig")  # Notepad's "UTF-8 with BOM"
    # It was "line 1, column 1: this is not valid TOML (Invalid statement)".
    assert read_plan_file(path, KNOWN) == [Plan("", "Home legs", "", (BRIDGE,), "user")]


def test_values_nested_too_deeply_are_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(PlanFileError) as info:  # it was tomllib's RecursionError
        read_plan_file(path, KNOWN)
    assert info.value.problems == [f"{path}: this is not a plan file (nested too deeply)"]


def test_a_very_long_name_is_cut_short_where_a_message_quotes_it(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(ONE.replace("Home legs", "x" * 100_000), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        read_plan_file(path, KNOWN)
    (problem,) = info.value.problems
    assert problem == (f'{path}: plan 1 "{"x" * 59}…": field "name": is longer than 200 characters')
