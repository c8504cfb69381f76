"""The herniated-disc question after the disclaimer, and its marks on the exercise cards,
an exercise's page and the Plans page: "yes" marks the moves to clear first, "no" and
no answer change nothing. Real window over the real content."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from backleg_desktop import app
from backleg_desktop.ui.disc import DISC_KEY
from backleg_desktop.ui.disclaimer import ACCEPTED_KEY
from backleg_desktop.ui.models import Roles

MARKED = {"goblet-squat", "split-stance-rdl", "box-squat"}


def stored(data_dir) -> object:  # type: ignore[no-untyped-def]
    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat).value(DISC_KEY)


def first_start(qtbot, data_dir, library):  # type: ignore[no-untyped-def]
    window = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(window)
    window.show()
    disclaimer = window.show_disclaimer_if_first_start()
    assert disclaimer is not None and window.disc_dialog is None  # the disclaimer comes first
    qtbot.mouseClick(disclaimer.accept_button, Qt.MouseButton.LeftButton)
    dialog = window.disc_dialog
    assert dialog is not None and dialog.isVisible()
    return window, dialog


def test_enter_answers_no_and_it_is_not_asked_again(qtbot, data_dir, library) -> None:
    window, dialog = first_start(qtbot, data_dir, library)
    assert dialog.question_label.text() == (
        "Has a doctor or physical therapist told you that you have a herniated disc?"
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert stored(data_dir) == "no"
    window.close()
    again = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(again)
    assert again.show_disclaimer_if_first_start() is None
    assert again.disc_dialog is None


def test_yes_is_stored_and_esc_asks_again_next_time(qtbot, data_dir, library) -> None:
    window, dialog = first_start(qtbot, data_dir, library)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no answer: nothing stored
    assert stored(data_dir) is None
    window.close()
    again = app.create_main_window(data_dir=data_dir, library=library)
    qtbot.addWidget(again)
    again.show()
    assert again.show_disclaimer_if_first_start() is None  # accepted already
    dialog = again.disc_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.yes_button, Qt.MouseButton.LeftButton)
    assert stored(data_dir) == "yes"
    assert QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat).value(
        ACCEPTED_KEY, type=bool
    )


def card_badges(window) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    page = window.exercises_page
    delegate = page.grid.itemDelegate()
    proxy = page.proxy
    badges = {}
    for row in range(proxy.rowCount()):
        exercise = proxy.index(row, 0).data(Roles.EXERCISE)
        if exercise is not None:
            badges[exercise.id] = delegate.badges(exercise)
    return badges


def card_height(window) -> int:  # type: ignore[no-untyped-def]
    page = window.exercises_page
    index = page.grid.first_card()
    return page.grid.visualRect(index).height()


def answer(window, value: str | None) -> None:  # type: ignore[no-untyped-def]
    if value is None:
        window.settings.remove(DISC_KEY)
    else:
        window.disc.set_answer(value)


def test_yes_marks_the_cards_to_clear_first_and_no_takes_it_back(main_window, qtbot) -> None:
    window = main_window
    window.show_page("exercises")
    plain = card_height(window)
    assert all("Ask your doctor" not in " ".join(b) for b in card_badges(window).values())
    answer(window, "yes")
    qtbot.waitUntil(lambda: card_height(window) > plain)
    marked = {i for i, b in card_badges(window).items() if any("doctor" in x for x in b)}
    assert marked == MARKED
    assert card_badges(window)["split-stance-rdl"] == [
        "One leg at a time",
        "⚠ Ask your doctor or PT first",
    ]
    assert card_badges(window)["leg-extension"] == []
    answer(window, "no")
    qtbot.waitUntil(lambda: card_height(window) == plain)
    assert all(len(b) <= 1 for b in card_badges(window).values())


@pytest.mark.parametrize("value", ["yes", "no", None])
def test_the_exercise_page_says_so_only_after_yes(main_window, value) -> None:  # type: ignore[no-untyped-def]
    window = main_window
    answer(window, value)
    window.open_exercise("goblet-squat")
    page = window.exercise_page
    if value != "yes":
        assert page.notice is None
        return
    notice = page.notice
    assert notice is not None and notice.isVisibleTo(page)
    assert "check with your doctor or physical therapist" in notice.text.text()
    assert 'href="exercise:leg-extension"' in notice.safer.text()
    window.open_exercise("leg-extension")  # a safer move: no mark
    assert page.notice is None


def test_the_safer_choice_links_open_their_page(main_window) -> None:
    window = main_window
    answer(window, "yes")
    window.open_exercise("split-stance-rdl")
    window.exercise_page.notice.safer.linkActivated.emit("exercise:lying-leg-curl")
    assert window.exercise_page.exercise.id == "lying-leg-curl"


@pytest.mark.parametrize("value", ["yes", "no", None])
def test_the_plans_mark_the_moves_to_clear_first(main_window, value) -> None:  # type: ignore[no-untyped-def]
    window = main_window
    answer(window, value)
    window.show_page("plans")
    page = window.plans_page
    strength = page.tables["strength"]
    names = [strength.item(r, 0).text() for r in range(strength.rowCount())]
    label = page.findChild(QLabel, "planDiscMark-strength")
    if value == "yes":
        assert names[1] == "Goblet squat   ⚠ Ask your doctor or PT first"
        assert names[4].startswith("Split-stance Romanian deadlift   ⚠")
        assert names[0] == "Leg extension"
        assert label.isVisibleTo(page)
        assert "before Goblet squat and Split-stance Romanian deadlift." in label.text()
        assert not page.findChild(QLabel, "planDiscMark-gentle-day").isVisibleTo(page)
    else:
        assert "⚠" not in " ".join(names)
        assert not label.isVisibleTo(page)
