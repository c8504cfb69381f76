"""At start the window comes back as it was closed: its size, the last page (and
exercise), and the splitters' positions."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter

from backleg_desktop.app import create_main_window
from backleg_desktop.ui.disclaimer import remember_accepted
from backleg_desktop.ui.models import Roles


def new_window(qtbot, data_dir, library, fake_clock):  # type: ignore[no-untyped-def]
    window = create_main_window(data_dir=data_dir, library=library, clock=fake_clock)
    remember_accepted(window.settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_size_last_page_and_splitters_come_back(qtbot, data_dir, library, fake_clock) -> None:
    first = new_window(qtbot, data_dir, library, fake_clock)
    first.resize(800, 590)  # the offscreen screen is 800×600: restoreGeometry keeps within it
    first.show_page("history")
    [splitter, *_] = first.history_page.findChildren(QSplitter)
    total = sum(splitter.sizes())
    splitter.setSizes([total // 4, total - total // 4])
    wanted = splitter.sizes()
    first.close()

    again = new_window(qtbot, data_dir, library, fake_clock)
    assert (again.width(), again.height()) == (first.width(), first.height())
    assert again.height() == 590  # not the first-start default (780)
    assert again.current_page_key() == "history"
    [restored, *_] = again.history_page.findChildren(QSplitter)
    assert restored.sizes() == wanted
    again.close()


def test_the_last_exercise_comes_back_and_back_leads_to_the_grid(
    qtbot, data_dir, library, fake_clock
) -> None:
    first = new_window(qtbot, data_dir, library, fake_clock)
    first.open_exercise("goblet-squat")
    first.close()
    again = new_window(qtbot, data_dir, library, fake_clock)
    assert again.current_page_key() == "exercise"
    assert again.current_exercise_id() == "goblet-squat"
    assert again.go_back() and again.current_page_key() == "exercises"
    again.close()


def test_a_page_or_exercise_that_is_gone_starts_on_exercises(
    qtbot, data_dir, library, fake_clock
) -> None:
    first = new_window(qtbot, data_dir, library, fake_clock)
    first.close()
    first.settings.setValue("window/last_page", "exercise")
    first.settings.setValue("window/last_exercise", "no-such-move")
    assert new_window(qtbot, data_dir, library, fake_clock).current_page_key() == "exercises"
    first.settings.setValue("window/last_page", "a-page-from-a-newer-version")
    assert new_window(qtbot, data_dir, library, fake_clock).current_page_key() == "exercises"


def test_a_restored_page_leaves_the_exercises_grid_until_it_is_shown(
    qtbot, data_dir, library, fake_clock
) -> None:
    first = new_window(qtbot, data_dir, library, fake_clock)
    first.show_page("history")
    first.close()
    again = new_window(qtbot, data_dir, library, fake_clock)
    assert again.current_page_key() == "history"
    assert not again.is_built("exercises")  # start-up built History only
    again.disc.set_answer("yes")  # answered before the grid exists

    again.show_page("exercises")  # built now, with the answer's marks on its cards
    page = again.exercises_page
    proxy = page.proxy
    badges = {
        exercise.id: page.grid.itemDelegate().badges(exercise)
        for row in range(proxy.rowCount())
        if (exercise := proxy.index(row, 0).data(Roles.EXERCISE)) is not None
    }
    assert badges["split-stance-rdl"] == ["One leg at a time", "⚠ Ask your doctor or PT first"]
    assert badges["leg-extension"] == []
    assert again.statusBar().currentMessage() == f"{len(library.exercises)} exercises"
    page.search.setText("squat")  # the filtered count follows the grid's proxy
    qtbot.waitUntil(lambda: again.statusBar().currentMessage().startswith("Showing "))
    again.close()
