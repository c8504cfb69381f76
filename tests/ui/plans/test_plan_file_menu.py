"""File → Export plans… and Import plans…: a dated file name, what became of each plan,
and a bad file's problems (file, plan, item, field) in a message with nothing imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from backleg_desktop.ui.plans.file_actions import default_file_name, export_plan_file
from tests.ui.plans.test_plans_page import own_plan


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The paths the file dialogs answer with (in order), and what they were offered."""
    answers: list[str] = []
    offered: list[str] = []

    def ask(parent, title, where, filters):  # type: ignore[no-untyped-def]
        offered.append(where)
        return (answers.pop(0) if answers else "", filters)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(ask))
    return answers, offered


def test_the_file_menu_has_both_entries_after_export(window) -> None:
    names = [action.objectName() for action in window.file_menu.actions()]
    at = names.index("exportAction")
    assert names[at + 1 : at + 3] == ["importPlansAction", "exportPlansAction"]


def test_export_offers_a_dated_name_and_import_says_what_happened(
    window, store, library, answers, dialogs, tmp_path: Path
) -> None:
    paths, offered = dialogs
    mine = own_plan(store, library, "Garden day")
    target = tmp_path / "shared"
    paths.append(str(target))  # no suffix typed: .toml is added
    assert export_plan_file(window, today=date(2026, 12, 1)) == target.with_suffix(".toml")
    assert offered[-1].endswith("backleg-plans-2026-12-01.toml")
    assert default_file_name(date(2026, 12, 1)) == "backleg-plans-2026-12-01.toml"
    written = target.with_suffix(".toml")
    assert 'name = "Garden day"' in written.read_text(encoding="utf-8")
    assert answers.told[-1][0] == "Plans exported"

    store.plans.delete(mine.id)
    window.plan_book.reload()
    window.show_page("plans")
    paths.append(str(written))
    window.import_plans_action.trigger()
    title, text = answers.told[-1]
    assert title == "Plans imported" and "Garden day: added" in text
    (back,) = store.plans.all()
    assert back.items == mine.items and back.name == mine.name
    assert back.id in window.plans_page.details  # the page shows it at once

    paths.append(str(written))
    window.import_plans_action.trigger()  # the same file again: no second copy
    assert "Garden day: unchanged" in answers.told[-1][1]
    assert len(store.plans.all()) == 1


def test_a_bad_file_imports_nothing_and_says_where(window, store, answers, dialogs, tmp_path):  # type: ignore[no-untyped-def]
    paths, _offered = dialogs
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[plan]]\nname = "Good one"\n\n[[plan.item]]\nexercise = "glute-bridge"\n'
        "sets = 2\nreps = 10\nrest_seconds = 30\n\n"
        '[[plan]]\nname = "Backwards"\n\n[[plan.item]]\nexercise = "glute-bridge"\n'
        "sets = 2\nreps = [12, 8]\nrest_seconds = 30\n",
        encoding="utf-8",
    )
    paths.append(str(bad))
    window.import_plans_action.trigger()
    title, text = answers.told[-1]
    assert title == "Plans not imported" and "nothing was imported" in text.casefold()
    assert "bad.toml" in text and "reps" in text and "Backwards" in text
    assert store.plans.all() == []  # all or nothing: not even the good plan

    broken = tmp_path / "broken.toml"
    broken.write_text('[[plan]]\nname = "Oops\n', encoding="utf-8")
    paths.append(str(broken))
    window.import_plans_action.trigger()
    text = answers.told[-1][1]
    assert "broken.toml" in text and "line 2" in text and "not valid TOML" in text


def test_export_with_no_plans_of_your_own_says_how_to_make_one(window, answers, dialogs) -> None:
    _paths, offered = dialogs
    window.export_plans_action.trigger()
    assert "no plans of your own" in answers.told[-1][1]
    assert offered == []  # no file dialog for nothing to write


def test_a_plan_exported_and_imported_into_a_fresh_folder_is_the_same(
    qtbot, window, store, library, answers, dialogs, tmp_path: Path, fake_clock
) -> None:
    """The issue's walk-through, second half: export, then import in a new data folder."""
    from backleg_desktop.app import create_main_window
    from backleg_desktop.services.store import open_store
    from backleg_desktop.ui.disclaimer import remember_accepted
    from tests.support.stores import close_when_jobs_are_done

    paths, _offered = dialogs
    mine = own_plan(store, library, "Strength, my way")
    shared = tmp_path / "shared.toml"
    paths.append(str(shared))
    window.export_plans_action.trigger()

    fresh = tmp_path / "fresh"
    fresh.mkdir(mode=0o700)
    other_store = open_store(fresh, library, make_daily_backup=False)
    other = create_main_window(data_dir=fresh, library=library, clock=fake_clock)
    remember_accepted(other.settings)
    qtbot.addWidget(other)
    try:
        other.attach_store(other_store)
        paths.append(str(shared))
        other.import_plans_action.trigger()
        assert "Strength, my way: added" in answers.told[-1][1]
        (copy,) = other_store.plans.all()
        assert (copy.name, copy.summary, copy.items) == (mine.name, mine.summary, mine.items)
        assert copy.id != mine.id  # a plan of this history's own, with its own id
        chooser_ids = [plan.id for plan in other.plan_book.plans()]
        assert chooser_ids[-1] == copy.id
    finally:
        other.close()
        close_when_jobs_are_done(other_store)


def test_a_backup_imported_with_file_import_brings_its_plans_to_the_page(
    qtbot, window, store, library, answers, dialogs, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QDialog

    from backleg_desktop.services.history_export import export_history

    paths, _offered = dialogs
    mine = own_plan(store, library, "Back from the backup")
    done = store.workouts.start_session(mine.id, pain_before=2)
    store.workouts.finish_session(done.id, pain_after=2)
    backup = tmp_path / "history.json"
    export_history(store.workouts, library, backup)
    store.workouts.delete_session(done.id)  # a new history, as far as the import can tell
    store.plans.delete(mine.id)
    window.plan_book.reload()
    window.show_page("plans")
    assert mine.id not in window.plans_page.details

    paths.append(str(backup))
    window.import_action.trigger()  # File → Import…, the history's own import
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_button.click()
    names = [plan.name for plan in window.plan_book.plans()]
    assert "Back from the backup" in names
    back = next(plan for plan in store.plans.all() if plan.name == "Back from the backup")
    assert back.id in window.plans_page.details  # the page shows it without a restart
