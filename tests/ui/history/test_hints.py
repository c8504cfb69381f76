"""History's suggestions come from WorkoutService.progression_hint, as the session's do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backleg_desktop.content.model import Library
from backleg_desktop.domain.history import SetEntry
from backleg_desktop.services.store import Store, open_store
from tests.support.stores import WallClock


@pytest.fixture
def clock() -> WallClock:
    return WallClock()


@pytest.fixture
def fresh_store(data_dir: Path, real_library: Library, clock: WallClock) -> Iterator[Store]:
    with open_store(data_dir, real_library, make_daily_backup=False, now=clock) as store:
        yield store


@pytest.fixture
def history(qtbot, fresh_store: Store, real_library: Library):  # type: ignore[no-untyped-def]
    from backleg_desktop.ui.history import HistoryPage

    widget = HistoryPage(real_library)
    qtbot.addWidget(widget)
    widget.set_store(fresh_store)
    yield widget
    widget.pool.waitForDone()


def seed(store: Store, clock: WallClock, reps: int, pain: tuple[int, int]) -> int:
    """A strength session with three leg-extension sets of `reps` at 40 kg, a day later."""
    clock.advance(days=1)
    w = store.workouts
    session = w.start_session("strength", pain_before=pain[0])
    for number in (1, 2, 3):
        w.log_set(session.id, SetEntry("leg-extension", number, reps=reps, load_kg=40.0))
    w.finish_session(session.id, pain_after=pain[1])
    return session.id


def test_two_sessions_at_the_top_suggest_a_small_step_for_next_time(
    history, fresh_store: Store, clock: WallClock
) -> None:
    first = seed(fresh_store, clock, 15, (2, 2))
    second = seed(fresh_store, clock, 15, (3, 2))
    seed(fresh_store, clock, 12, (2, 2))  # a later session does not change what `second` says

    history.show_session(second)
    text = history.detail.hints.text()
    assert not history.detail.hints.isHidden()
    assert "Leg extension: Every set reached 15 reps in your last two sessions" in text
    assert "about 2 kg more (42 kg) next time" in text
    assert "today" not in text

    history.show_session(first)  # nothing before it: one session is not enough
    assert history.detail.hints.isHidden()


def test_pain_that_rose_over_the_session_gives_one_ease_off_hint(
    history, fresh_store: Store, clock: WallClock
) -> None:
    seed(fresh_store, clock, 15, (2, 2))
    sore = seed(fresh_store, clock, 15, (2, 5))
    history.show_session(sore)
    text = history.detail.hints.text()
    assert text.count("<li>") == 1
    assert "Your pain went from 2 to 5 over this session" in text
    assert "Quick add-on" in text and "kg more" not in text
