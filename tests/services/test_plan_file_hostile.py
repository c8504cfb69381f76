"""Plan files as other programs and careless hands leave them: a byte order mark, values
nested thousands deep, a name as long as a book, the same name in two Unicode forms, and
numbers no session could follow."""

from __future__ import annotations

import contextlib
import os
import threading
import unicodedata
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.services.plan_catalog import known_exercises
from backleg_desktop.services.plan_files import (
    PlanFileError,
    import_plans,
    plan_file_text,
    read_plan_file,
)
from backleg_desktop.services.store import open_store

KNOWN = known_exercises(load_library(), [])
BRIDGE = PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30))
ONE = plan_file_text([Plan("", "Home legs", "", (BRIDGE,), "user")])
COMPOSED = unicodedata.normalize("NFC", "Café legs")  # é as one character
DECOMPOSED = unicodedata.normalize("NFD", "Café legs")  # e and a combining accent


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


def test_numbers_beyond_what_a_session_can_log_are_refused_by_field(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    text = (
        ONE.replace("sets = [2, 3]", "sets = 99999999999999999999999999999")
        .replace("reps = [8, 10]", "reps = [8, 5000]")
        .replace("rest_seconds = 30", "rest_seconds = 100000")
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFileError) as info:  # all three were stored as they were
        read_plan_file(path, KNOWN)
    where = f'{path}: plan 1 "Home legs", item 1 (glute-bridge)'
    assert info.value.problems == [
        f'{where}: field "sets": a number of more than 24 digits is more than 1,000',
        f'{where}: field "reps": high 5000 is more than 1,000',
        f'{where}: field "rest_seconds": 100000 is more than 86,400',
    ]


def test_a_number_of_thousands_of_digits_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(ONE.replace("sets = [2, 3]", "sets = 1" + "0" * 5000), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:  # it was tomllib's ValueError from int()
        read_plan_file(path, KNOWN)
    assert info.value.problems == [
        f"{path}: this is not a plan file (a number in it has thousands of digits)"
    ]


def test_one_name_in_two_unicode_forms_is_named_twice_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "plans.toml"
    path.write_text(
        ONE.replace("Home legs", COMPOSED) + ONE.replace("Home legs", DECOMPOSED), "utf-8"
    )
    with pytest.raises(PlanFileError) as info:  # both were added, alike in the chooser
        read_plan_file(path, KNOWN)
    assert info.value.problems == [
        f'{path}: plan 2 "{DECOMPOSED}": field "name": plan 1 has the same name '
        "(names must differ, ignoring case and how accents are encoded)"
    ]


def test_a_stored_plan_is_updated_by_its_name_in_the_other_unicode_form(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "mac.toml", tmp_path / "linux.toml"
    first.write_text(ONE.replace("Home legs", DECOMPOSED), "utf-8")
    second.write_text(ONE.replace("Home legs", COMPOSED).replace("[2, 3]", "3"), "utf-8")
    with open_store(tmp_path / "data", load_library(), make_daily_backup=False) as store:
        assert import_plans(store, first) == [(DECOMPOSED, "added")]
        assert import_plans(store, second) == [(COMPOSED, "updated")]  # was a second plan
        (stored,) = store.plans.all()
    assert stored.items[0].sets == IntRange(3, 3)


def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(PlanFileError) as info:  # it read /dev/zero until memory ran out
        read_plan_file(Path("/dev/zero"), KNOWN)
    assert info.value.problems == ["/dev/zero: is a device, not a plan file"]


def test_an_endless_pipe_is_refused_once_it_is_larger_than_any_plan_file() -> None:
    reader, writer = os.pipe()

    def feed() -> None:  # like `backleg plans import <(cat /dev/zero)`
        with contextlib.suppress(BrokenPipeError), os.fdopen(writer, "wb") as pipe:
            for _ in range(40):
                pipe.write(b"\0" * 2**20)

    feeding = threading.Thread(target=feed, daemon=True)
    feeding.start()
    path = Path(f"/dev/fd/{reader}")
    try:
        with pytest.raises(PlanFileError) as info:
            read_plan_file(path, KNOWN)
    finally:
        os.close(reader)
    feeding.join(timeout=30)
    assert info.value.problems == [f"{path}: is larger than 16 MiB, so not a plan file"]
