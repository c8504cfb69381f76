"""A Backleg export opened and saved again by a spreadsheet, or saved in another encoding:
the message says what was done to the file and how to save it so it imports, instead of
"unknown header" quoting 80 characters that look like Backleg's own header."""

from __future__ import annotations

import csv
import io
from datetime import UTC
from pathlib import Path

import pytest

from backleg_desktop.content.loader import load_library
from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer import read_sessions
from backleg_desktop.services.transfer.formats import BACKLEG_CSV_HEADER
from tests.services.test_backup_plans import history_with_a_plan, plans_and_exercises
from tests.support.cli import run_cli, sessions_in

LIBRARY = load_library()
ROW = (
    "1,2026-11-23T09:00:00+00:00,2026-11-23T09:48:00+00:00,strength,completed,2,1,"
    "goblet-squat,Goblet squat,1,both,working,12,16,,90,95,2026-11-23T09:05:10+00:00,,,,"
)


def _csv(header: list[str], row: list[str], delimiter: str = ",") -> str:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerow(row)
    return text.getvalue()


def refused(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(ImportFormatError) as caught:
        list(read_sessions(path, LIBRARY, local=UTC))
    assert caught.value.path == str(path) and caught.value.line == 1
    return caught.value.reason


HEADER = list(BACKLEG_CSV_HEADER)
CELLS = ROW.split(",")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            _csv(HEADER, CELLS, ";"),
            "this Backleg CSV has its columns separated by semicolons, as spreadsheets in "
            "many languages save; save it again as 'CSV UTF-8' with commas",
        ),
        (
            _csv(HEADER, CELLS, "\t"),
            "this Backleg CSV has its columns separated by tabs; save it again as "
            "'CSV UTF-8' with commas",
        ),
        (
            _csv([*HEADER, "my column"], [*CELLS, "x"]),
            "this Backleg CSV has columns Backleg does not write after 'distance_m': "
            "'my column'; remove them and import it again",
        ),
        (
            _csv([*HEADER, ""], [*CELLS, ""]),
            "this Backleg CSV has columns Backleg does not write after 'distance_m': "
            "one without a name; remove them and import it again",
        ),
        (
            _csv([*HEADER, *(f"c{n}" for n in range(10_000))], CELLS),
            "this Backleg CSV has columns Backleg does not write after 'distance_m': "
            "'c0', 'c1', 'c2', 'c3', 'c4' and 9,995 more; remove them and import it again",
        ),
    ],
    ids=["semicolons", "tabs", "added column", "trailing empty column", "10,000 columns"],
)
def test_a_backleg_csv_saved_by_a_spreadsheet_is_named_as_such(
    tmp_path: Path, text: str, reason: str
) -> None:
    assert refused(tmp_path / "history.csv", text.encode("utf-8")) == reason


def test_utf_16_without_a_byte_order_mark_is_named(tmp_path: Path) -> None:
    text = _csv(HEADER, CELLS).encode("utf-16-le")
    # It was "unknown header 's\\x00e\\x00s\\x00s\\x00i\\x00o\\x00n\\x00...".
    assert refused(tmp_path / "history.csv", text) == (
        "the file is not UTF-8 text (it looks like UTF-16); save it as 'CSV UTF-8'"
    )


def test_a_json_backup_in_another_encoding_is_not_told_to_become_a_csv(tmp_path: Path) -> None:
    text = '{"format": "backleg-backup", "notes": "Caf\u00e9"}'.encode("utf-16")
    assert refused(tmp_path / "history.json", text) == (
        "the file is not UTF-8 text; save it as UTF-8"
    )


def test_a_number_a_spreadsheet_wrote_with_an_exponent_is_named_as_such(tmp_path: Path) -> None:
    cells = list(CELLS)
    cells[HEADER.index("load_kg")] = "1E-07"  # how Excel saves 0.0000001
    path = tmp_path / "history.csv"
    path.write_text(_csv(HEADER, cells), encoding="utf-8")
    with pytest.raises(ImportFormatError) as caught:
        list(read_sessions(path, LIBRARY, local=UTC))
    # It was "load_kg: '1E-07' is not a number".
    assert str(caught.value) == (
        f"{path}, line 2: load_kg: '1E-07' is written with an exponent; write the number "
        "out (such as 0.0000001), as Backleg reads plain decimals only"
    )


def test_a_json_list_is_not_called_an_unknown_csv_header(tmp_path: Path) -> None:
    assert refused(tmp_path / "history.json", b"[1, 2, 3]\n") == (
        "this JSON file is a list, not a Backleg backup (one starts with {)"
    )


def test_a_field_given_twice_in_a_json_backup_is_refused_by_its_place(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(
        '{"format": "backleg-backup", "version": 1, "sessions": [{"name": "Strength", '
        '"plan_id": "strength", "started_at": "2026-11-23T09:00:00+00:00", '
        '"status": "completed", "sets": [{"exercise_id": "goblet-squat", "set_number": 1, '
        '"reps": 12, "reps": 13}]}]}',
        encoding="utf-8",
    )
    with pytest.raises(ImportFormatError) as caught:  # it imported 13 without a word
        list(read_sessions(path, LIBRARY, local=UTC))
    assert str(caught.value) == (
        f"{path}: sessions[0].sets[0]: 'reps' is given twice; keep one of them"
    )


def test_a_plan_field_given_twice_in_a_backup_imports_nothing(tmp_path: Path) -> None:
    first, fresh = tmp_path / "first", tmp_path / "fresh"
    history_with_a_plan(first)
    backup = tmp_path / "history.json"
    assert run_cli(first, "export", str(backup))[0] == 0
    text = backup.read_text("utf-8")
    assert text.index('"sets": 2,') < text.index('"sessions"')  # the wall squat's, in a plan
    backup.write_text(text.replace('"sets": 2,', '"sets": 2, "sets": 9,', 1), "utf-8")
    code, out, err = run_cli(fresh, "import", str(backup))
    # The plan was stored with 9 sets, without a word.
    assert (code, out) == (1, "")
    assert err == (f"{backup}: user_plans[0].items[1]: 'sets' is given twice; keep one of them\n")
    assert sessions_in(fresh) == 0 and plans_and_exercises(fresh)[0] == []
