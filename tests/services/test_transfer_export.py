"""The writers: number and time formatting, spreadsheet-safe cells, atomic files, streaming."""

from __future__ import annotations

import csv
import io
import re
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backleg_desktop.content.loader import load_library
from backleg_desktop.domain.history import LoggedSet, SessionRecord
from backleg_desktop.services.transfer import (
    export_to_path,
    neutralise,
    read_sessions,
    restore,
    write_csv,
)
from backleg_desktop.services.transfer.backleg_csv import ExportRow
from backleg_desktop.services.transfer.values import format_number, format_time

START = datetime(2024, 11, 25, 10, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (20, "20"),
        (20.0, "20"),
        (22.5, "22.5"),
        (0.1 + 0.2, "0.30000000000000004"),  # exact: it is what was stored
        (22.500000000000004, "22.500000000000004"),
        (9.0718474, "9.0718474"),
        (0.0, "0"),
        (-0.0, "0"),
        (1e-7, "0.0000001"),  # was "0": the 6-decimal rounding lost it
        (1e-9, "0.000000001"),
        (1000.0, "1000"),
        (86399.9999999, "86399.9999999"),
    ],
)
def test_numbers_are_the_shortest_exact_decimal(value: float, text: str) -> None:
    assert format_number(value) == text
    assert float(text) == value  # and read back exactly


@given(st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False))
def test_every_storable_load_reads_back_exactly(value: float) -> None:
    from backleg_desktop.services.transfer.values import parse_decimal

    text = format_number(value)
    assert "e" not in text.lower()
    assert parse_decimal(text) == value


def test_times_are_iso_with_a_utc_offset() -> None:
    assert format_time(START) == "2024-11-25T10:15:00+00:00"
    berlin = START.astimezone(__import__("datetime").timezone(timedelta(hours=1)))
    assert format_time(berlin) == "2024-11-25T10:15:00+00:00"
    assert format_time(None) == ""
    with pytest.raises(ValueError, match="naive"):
        format_time(datetime(2026, 1, 1))


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell: str, written: str) -> None:
    assert neutralise(cell) == written
    assert restore(written) == cell


@given(st.text())
def test_neutralise_round_trips_any_text(text: str) -> None:
    escaped = neutralise(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(escaped) == text


def session(number: int, notes: str = "") -> SessionRecord:
    return SessionRecord(
        number,
        None,
        f"Workout {number}",
        START + timedelta(days=number),
        None,
        "completed",
        None,
        None,
        notes,
    )


def logged(number: int, set_number: int, note: str = "") -> LoggedSet:
    return LoggedSet(
        number * 10 + set_number,
        number,
        "leg-press",
        set_number,
        "both",
        "working",
        10,
        100.0,
        None,
        None,
        None,
        START + timedelta(days=number, minutes=set_number),
        note,
    )


def readme_csv_header() -> list[str]:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"The CSV header is\s+`([^`]+)`", readme)
    assert found, "README.md no longer states the CSV header"
    return found.group(1).split(",")


def test_csv_writer_rows() -> None:
    out = io.StringIO(newline="")
    rows: list[ExportRow] = [(session(1, "-tired"), logged(1, 1, "@gym")), (session(2), None)]
    summary = write_csv(rows, out, lambda _: "Leg press")
    assert (summary.sessions, summary.sets) == (2, 1)
    header, first, empty = list(csv.reader(io.StringIO(out.getvalue())))
    assert header == readme_csv_header()  # the header README.md promises, not our own constant
    assert first == [
        "1",
        "2024-11-26T10:15:00+00:00",
        "",
        "Workout 1",
        "completed",
        "",
        "",
        "leg-press",
        "Leg press",
        "1",
        "both",
        "working",
        "10",
        "100",
        "",
        "",
        "",
        "2024-11-26T10:16:00+00:00",
        "'@gym",
        "'-tired",
        "",  # rpe
        "",  # distance_m
    ]
    assert empty[:7] == ["2", "2024-11-27T10:15:00+00:00", "", "Workout 2", "completed", "", ""]
    assert empty[7:] == [""] * 15


def test_a_failed_export_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text("yesterday's export", encoding="utf-8")

    def broken_rows() -> Iterator[ExportRow]:
        yield session(1), logged(1, 1)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        export_to_path(path, broken_rows(), lambda _: "Leg press")
    assert path.read_text(encoding="utf-8") == "yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.csv"]  # no temp file left

    export_to_path(path, [(session(1), logged(1, 1))], lambda _: "Leg press")
    assert path.stat().st_mode & 0o777 == 0o600  # health data: owner only
    assert path.read_text(encoding="utf-8").startswith("session_id,")


def many_rows(sessions: int, sets_each: int) -> Iterator[ExportRow]:
    for number in range(1, sessions + 1):
        record = session(number)
        for set_number in range(1, sets_each + 1):
            yield record, logged(number, set_number, note=f"note {set_number}")


def test_large_files_stream_in_bounded_memory(tmp_path: Path) -> None:
    """10,000 sets out and back in: memory stays at one session's worth, not the file's."""
    library = load_library()
    csv_path, json_path = tmp_path / "big.csv", tmp_path / "big.json"
    tracemalloc.start()
    try:
        export_to_path(csv_path, many_rows(500, 20), lambda _: "Leg press")
        export_to_path(json_path, many_rows(500, 20), lambda _: "Leg press")
        _, export_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        count = sum(len(s.sets) for s in read_sessions(csv_path, library))
        _, import_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert csv_path.stat().st_size > 1_000_000
    assert export_peak < 1_000_000
    assert import_peak < 1_000_000
    assert sum(len(s.sets) for s in read_sessions(json_path, library)) == 10_000


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(0, 3)),
            st.one_of(st.none(), st.sampled_from([0.0, -0.0, 1.0, 2.5, 1e-9, 9.0718474])),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_the_writer_formats_every_row_as_format_number_would(figures) -> None:  # type: ignore[no-untyped-def]
    """The writer formats repeated figures once; repeats must not change any cell."""
    sets = [
        LoggedSet(i, 1, "leg-press", 1, "both", "working", reps, load, load, None, reps, START, "")
        for i, (reps, load) in enumerate(figures, start=1)
    ]
    out = io.StringIO(newline="")
    write_csv([(session(1), s) for s in sets], out, lambda _: "Leg press")
    written = list(csv.DictReader(io.StringIO(out.getvalue())))

    def text(value: float | int | None) -> str:
        return "" if value is None else format_number(value)

    for row, s in zip(written, sets, strict=True):
        assert (row["reps"], row["load_kg"], row["duration_s"], row["rest_taken_s"]) == (
            text(s.reps),
            text(s.load_kg),
            text(s.duration_s),
            text(s.rest_taken_s),
        )
