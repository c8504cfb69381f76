"""Personal records: the pure rules, without a database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backleg_desktop.domain.records import SetFigures, compute_records

DAY0 = datetime(2025, 1, 1, 8, tzinfo=UTC)


def sets(*rows: tuple[int, int, int, float]) -> list[SetFigures]:
    """(session id, day, reps, load) → SetFigures."""
    return [SetFigures(s, DAY0 + timedelta(days=d), r, kg) for s, d, r, kg in rows]


def test_heaviest_load_for_each_rep_count_and_earliest_wins_a_tie() -> None:
    records = compute_records(
        "goblet-squat",
        sets((1, 0, 10, 16.0), (1, 0, 8, 18.0), (2, 1, 10, 20.0), (3, 2, 10, 20.0)),
    )
    ten = records.heaviest_for(10)
    assert ten is not None and (ten.load_kg, ten.session_id) == (20.0, 2)
    eight = records.heaviest_for(8)
    assert eight is not None and eight.load_kg == 18.0
    assert [e.reps for e in records.heaviest_by_reps] == [8, 10]
    assert records.heaviest_for(12) is None
    heaviest = records.heaviest
    assert heaviest is not None and heaviest.load_kg == 20.0 and heaviest.session_id == 2


def test_most_reps_at_each_load_treats_pound_noise_as_the_same_load() -> None:
    ten_lb = 10 * 0.45359237 * 2.2046226218  # 10 kg that went through pounds and back
    records = compute_records(
        "leg-extension", sets((1, 0, 12, 10.0), (2, 1, 15, ten_lb), (2, 1, 9, 30.0))
    )
    at_ten = records.most_reps_at(10.0)
    assert at_ten is not None and at_ten.reps == 15 and at_ten.session_id == 2
    assert [round(e.load_kg) for e in records.most_reps_by_load] == [10, 30]


def test_most_volume_in_one_session_sums_its_sets() -> None:
    records = compute_records(
        "lying-leg-curl",
        sets((1, 0, 10, 20.0), (1, 0, 10, 20.0), (2, 1, 12, 25.0), (3, 2, 5, 40.0)),
    )
    assert records.best_volume is not None
    assert records.best_volume.session_id == 1  # 400 kg beats 300 and 200
    assert records.best_volume.volume_kg == 400.0


def test_sets_without_reps_or_load_hold_no_record() -> None:
    records = compute_records("reverse-lunge", sets((1, 0, 0, 20.0), (1, 0, 8, 0.0)))
    assert records.heaviest_by_reps == ()
    assert records.most_reps_by_load == ()
    assert records.best_volume is None
    assert records.heaviest is None
