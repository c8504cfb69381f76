"""The benchmark runner's pieces import and its table reads right (nothing is timed here)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.bench import cli_bench, run, startup_bench, table
from tests.bench.table import MISS, PASS, UNAVAILABLE, Figure, Target, format_table


def test_the_benchmark_pieces_import_and_offer_what_the_runner_calls() -> None:
    assert callable(startup_bench.measure)
    assert callable(run.bench_store.timed)
    # app.py keeps the hook startup_bench drives; without it the start-up rows go n/a.
    assert run.has_startup_hook()
    parsed = run.build_parser().parse_args(["--quick", "--json", "out.json"])
    assert parsed.quick and parsed.json == Path("out.json")
    assert run.Settings.for_run(quick=False).startup_runs >= 7  # issue 6: at least 7 runs


def test_ratio_and_verdict_against_value_and_ratio_targets() -> None:
    startup = Figure("S", "shown", 260.0, "ms", 200.0, "bare", Target(1.3, "ratio"))
    assert startup.ratio == pytest.approx(1.3) and startup.verdict == PASS
    slow = Figure("S", "shown", 300.0, "ms", 200.0, "bare", Target(1.3, "ratio"))
    assert slow.verdict == MISS
    # Signed errors compare by size, and the target is on the size too.
    early = Figure("R", "end", -25.0, "ms", 50.0, "naive", Target(20))
    assert early.ratio == pytest.approx(0.5) and early.verdict == MISS
    assert Figure("R", "n", 3.0, "ms").verdict == ""  # no target, no mark
    assert Figure("R", "n", math.nan, "ms", target=Target(1)).verdict == UNAVAILABLE
    assert Figure("R", "n", 1.0, "ms", 0.0).ratio is None


def test_the_table_shows_figures_baselines_targets_and_why_one_is_missing() -> None:
    figures = [
        Figure("Start-up", "window shown", 260.0, "ms", 200.0, "bare window", Target(1.3, "ratio")),
        Figure("Storage", "log one set", 12.5, "ms", 2.0, "plain sqlite3", Target(10)),
        Figure("Storage", "import", 25_140.4, "rows/s"),
        *table.unavailable("History", [("chart drawn", "ms")], "history_bench.py is missing"),
    ]
    text = format_table(figures, title="Title line", notes=["a note"])
    lines = text.splitlines()
    assert lines[0] == "Title line"
    row = next(line for line in lines if "window shown" in line)
    assert "260 ms" in row and "200 ms" in row and "1.30×" in row and row.endswith(PASS)
    row = next(line for line in lines if "log one set" in line)
    assert "12.5 ms" in row and "6.25×" in row and "≤ 10 ms" in row and row.endswith(MISS)
    assert "25,140 rows/s" in next(line for line in lines if "import" in line)
    row = next(line for line in lines if "chart drawn" in line)
    assert "—" in row and row.endswith(f"{UNAVAILABLE} [1]")
    assert "[1] chart drawn: history_bench.py is missing" in lines
    assert lines[-1] == "a note"
    # Sections head their rows, and every row has the same column layout.
    assert lines.index("Start-up") < lines.index("Storage") < lines.index("History")
    header = next(line for line in lines if line.startswith("Figure"))
    assert row.index("—") < header.index("Baseline") + len("Baseline")


def test_ratios_keep_two_significant_figures() -> None:
    assert [table.format_ratio(r) for r in (0.00496, 0.28, 0.9996, 1.3, 25.91, None)] == [
        "0.005×",
        "0.28×",
        "1.00×",
        "1.30×",
        "25.9×",
        "",
    ]


def test_figures_serialise_without_nan(tmp_path: Path) -> None:
    data = Figure("S", "x", math.nan, "ms", 1.0, "b", Target(2)).as_json()
    assert data["value"] is None and data["verdict"] == UNAVAILABLE
    assert data["target"] == {"limit": 2, "on": "value"}


def test_a_missing_benchmark_piece_is_reported_not_raised() -> None:
    with pytest.raises(run.PieceFailed, match="not there yet"):
        run.run_piece("no_such_bench", "measure", [], timeout=5)


def test_history_view_rows_come_from_history_bench_keys() -> None:
    rows = run.history_view_figures(
        {"first_rows_shown_ms": 40.0, "exercise_chart_ms": 190.0, "baseline_ms": 20.0}
    )
    assert [(f.name, f.value, f.verdict) for f in rows[:2]] == [
        ("first rows shown", 40.0, PASS),
        ("exercise chart drawn", 190.0, MISS),
    ]
    assert rows[0].ratio == pytest.approx(2.0)
    assert rows[2].verdict == UNAVAILABLE and "pain_trend_graph_ms" in rows[2].missing


def test_command_line_rows_carry_the_issue_9_ratio_targets(monkeypatch, tmp_path: Path) -> None:
    measured = {
        "export_s": 1.0,
        "raw_export_s": 0.5,
        "import_s": 5.0,
        "raw_import_s": 1.0,
        "import_peak_mib": 60.0,
        "rows": 1000,
    }
    monkeypatch.setattr(cli_bench, "measure", lambda *_args: measured)
    histories = run.Histories(tmp_path, tmp_path, 1, 1, 1.0)
    figures, raw = run.cli_figures(histories, tmp_path, run.Settings.for_run(quick=True))
    export, imported, peak = figures
    assert (export.ratio, export.target, export.verdict) == (2.0, Target(2.5, "ratio"), PASS)
    assert (imported.ratio, imported.target, imported.verdict) == (5.0, Target(4, "ratio"), MISS)
    assert peak.value == 60.0 and raw is measured


def test_a_failing_command_line_run_becomes_an_unavailable_row(monkeypatch, tmp_path) -> None:
    def fails(*_args: object) -> dict[str, float]:
        raise RuntimeError("backleg import failed: no such file")

    monkeypatch.setattr(cli_bench, "measure", fails)
    histories = run.Histories(tmp_path, tmp_path, 1, 1, 1.0)
    figures, _ = run.cli_figures(histories, tmp_path, run.Settings.for_run(quick=True))
    assert [f.verdict for f in figures] == [UNAVAILABLE] * 3
    assert "no such file" in figures[0].missing


def test_the_baseline_schema_is_backlegs_own(tmp_path: Path) -> None:
    from backleg_desktop.content.loader import load_library
    from backleg_desktop.services.store import open_store

    with open_store(tmp_path / "data", load_library(), make_daily_backup=False) as store:
        db_path = store.db_path
    sql = cli_bench.schema_of(db_path, tmp_path / "schema.sql").read_text()
    assert "CREATE TABLE sessions" in sql and "CREATE TABLE sets" in sql
    assert "CREATE INDEX" in sql and "alembic_version" not in sql
