"""The exercise reference driven the way a user drives it: keys, clicks, links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from backleg_desktop.ui.main_window import EXERCISE_DETAIL
from backleg_desktop.ui.models import Roles


def focused():  # type: ignore[no-untyped-def]
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    return widget


def current_card(window) -> str | None:  # type: ignore[no-untyped-def]
    return window.exercises_page.grid.currentIndex().data(Roles.EXERCISE_ID)


def open_from_grid_with_keys(qtbot, window, exercise_id: str) -> None:  # type: ignore[no-untyped-def]
    window.exercises_page.grid.setFocus()
    for _ in range(len(window.library.exercises)):
        if current_card(window) == exercise_id:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert current_card(window) == exercise_id
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_window_is_titled_backleg_and_starts_on_the_exercises(main_window) -> None:
    assert main_window.windowTitle() == "Backleg"
    assert main_window.current_page_key() == "exercises"
    reference = ["exercises", "plans", "avoid", "guidance"]
    keys = list(main_window.sidebar.keys())
    assert [k for k in keys if k in reference] == reference
    assert "history" in keys


def test_grid_shows_main_exercises_first_then_supporting_moves(main_window, library) -> None:
    shown = main_window.exercises_page.visible_exercise_ids()
    assert shown[:5] == [
        "leg-extension",
        "lying-leg-curl",
        "goblet-squat",
        "reverse-lunge",
        "split-stance-rdl",
    ]
    assert sorted(shown) == sorted(library.exercises)


def test_keyboard_lands_on_the_first_card_not_on_a_header(qtbot, main_window) -> None:
    main_window.exercises_page.grid.setFocus()
    assert current_card(main_window) == "leg-extension"
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert current_card(main_window) == "leg-extension"


def test_open_an_exercise_from_the_grid_and_step_through_its_cues(
    qtbot, main_window, library
) -> None:
    open_from_grid_with_keys(qtbot, main_window, "reverse-lunge")

    assert main_window.current_page_key() == EXERCISE_DETAIL
    page = main_window.exercise_page
    player = page.player
    cues = library.exercise("reverse-lunge").cues
    assert page.title.text() == "Reverse lunge"
    assert player.step_label.text() == f"Step 1 of {len(cues)}"
    assert player.cue_label.text() == cues[0]
    assert not player.previous_button.isEnabled()
    assert player.next_button.isEnabled()

    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert player.step_label.text() == f"Step 2 of {len(cues)}"
    assert player.cue_label.text() == cues[1]
    assert player.previous_button.isEnabled()
    assert page.step_list.rows[1].is_current()
    assert not page.step_list.rows[0].is_current()

    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert player.step_label.text() == f"Step 1 of {len(cues)}"
    assert player.cue_label.text() == cues[0]

    for _ in range(len(cues) + 2):  # pressing past the end stays on the last step
        qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert player.step_label.text() == f"Step {len(cues)} of {len(cues)}"
    assert player.cue_label.text() == cues[-1]
    assert not player.next_button.isEnabled()
    # Focus left the disabled Next button, so Left still works.
    qtbot.keyClick(focused(), Qt.Key.Key_Left)
    assert player.step_label.text() == f"Step {len(cues) - 1} of {len(cues)}"


def test_buttons_and_the_step_list_move_the_player(qtbot, main_window, library) -> None:
    main_window.open_exercise("lying-leg-curl")
    page = main_window.exercise_page
    cues = library.exercise("lying-leg-curl").cues
    qtbot.mouseClick(page.player.next_button, Qt.MouseButton.LeftButton)
    assert page.player.cue_label.text() == cues[1]
    qtbot.mouseClick(page.step_list.rows[4], Qt.MouseButton.LeftButton)
    assert page.player.step_label.text() == f"Step 5 of {len(cues)}"
    assert page.player.cue_label.text() == cues[4]
    assert page.step_list.rows[4].is_current()
    qtbot.mouseClick(page.player.previous_button, Qt.MouseButton.LeftButton)
    assert page.player.cue_label.text() == cues[3]


def test_exercise_page_shows_the_reference_details(main_window, library) -> None:
    main_window.open_exercise("lying-leg-curl")
    page = main_window.exercise_page
    exercise = library.exercise("lying-leg-curl")
    texts = "\n".join(label.text() for label in page.findChildren(QLabel))
    assert exercise.why_back_friendly in texts
    for sign in exercise.warning_signs:
        assert sign in texts
    for option in exercise.easier_options:
        assert option in texts
    assert ("plan:strength", "Strength session") in page.plan_links.links
    assert page.related_links.links == [("exercise:glute-bridge", "Glute bridge")]


def test_the_straight_leg_raise_note_is_shown(main_window, library) -> None:
    main_window.open_exercise("single-leg-straight-leg-raise")
    note = library.exercise("single-leg-straight-leg-raise").note
    assert note
    texts = [label.text() for label in main_window.exercise_page.findChildren(QLabel)]
    assert note in texts


def test_back_returns_to_where_the_user_came_from(qtbot, main_window) -> None:
    open_from_grid_with_keys(qtbot, main_window, "goblet-squat")
    main_window.exercise_page.related_links.link_activated.emit("exercise:box-squat")
    assert main_window.exercise_page.exercise.id == "box-squat"

    qtbot.keyClick(focused(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_page_key() == EXERCISE_DETAIL
    assert main_window.exercise_page.exercise.id == "goblet-squat"

    qtbot.mouseClick(main_window.exercise_page.back_button, Qt.MouseButton.LeftButton)
    assert main_window.current_page_key() == "exercises"
    assert current_card(main_window) == "goblet-squat"  # the grid kept its place
    assert not main_window.back_action.isEnabled()


def test_search_narrows_the_grid(qtbot, main_window, library) -> None:
    page = main_window.exercises_page
    qtbot.keyClicks(page.search, "lunge")
    shown = page.visible_exercise_ids()
    assert "reverse-lunge" in shown
    assert "static-lunge" in shown
    assert "leg-extension" not in shown
    assert "Showing" in main_window.statusBar().currentMessage()
    # Down from the search box goes to the first match.
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.grid.hasFocus()
    assert current_card(main_window) == shown[0]

    page.search.clear()
    assert len(page.visible_exercise_ids()) == len(library.exercises)


def test_search_matches_cues_and_muscles(qtbot, main_window) -> None:
    page = main_window.exercises_page
    qtbot.keyClicks(page.search, "pivot point")  # words from the machine set-up cues
    assert set(page.visible_exercise_ids()) >= {"leg-extension", "lying-leg-curl"}
    page.search.clear()
    qtbot.keyClicks(page.search, "hip flexors")
    assert "single-leg-straight-leg-raise" in page.visible_exercise_ids()


def test_no_match_shows_an_empty_state_that_clears(qtbot, main_window, library) -> None:
    page = main_window.exercises_page
    qtbot.keyClicks(page.search, "trampoline")
    assert page.visible_exercise_ids() == []
    assert page.empty_state.isVisible()
    assert page.empty_label.text() == "No exercises match"
    assert not page.grid.isVisible()
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.grid.isVisible()
    assert len(page.visible_exercise_ids()) == len(library.exercises)


def select_combo(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def test_muscle_filter(main_window, library) -> None:
    page = main_window.exercises_page
    select_combo(page.muscle_filter, "Hamstrings")
    shown = page.visible_exercise_ids()
    # "Hamstrings (back of the thigh)" counts as Hamstrings too.
    assert "lying-leg-curl" in shown
    assert "split-stance-rdl" in shown
    assert "leg-extension" not in shown
    for exercise_id in shown:
        muscles = " ".join(library.exercise(exercise_id).target_muscles)
        assert "Hamstrings" in muscles


def test_equipment_filter_combines_with_search(qtbot, main_window) -> None:
    page = main_window.exercises_page
    select_combo(page.equipment_filter, "Mat")
    shown = page.visible_exercise_ids()
    assert {"glute-bridge", "bird-dog", "dead-bug"} <= set(shown)
    assert "leg-extension" not in shown
    qtbot.keyClicks(page.search, "bird")
    assert page.visible_exercise_ids() == ["bird-dog"]
    select_combo(page.equipment_filter, "All equipment")
    assert page.visible_exercise_ids() == ["bird-dog"]


def test_equipment_filter_offers_tags_not_free_text(main_window) -> None:
    combo = main_window.exercises_page.equipment_filter
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert offered == [
        "All equipment",
        "Bodyweight",
        "Dumbbell",
        "Kettlebell",
        "Machine",
        "Bench or box",
        "Mat",
        "Resistance band",
        "Wall",
    ]


def test_dumbbell_filter_finds_every_move_done_with_dumbbells(qtbot, main_window) -> None:
    page = main_window.exercises_page
    select_combo(page.equipment_filter, "Dumbbell")
    shown = page.visible_exercise_ids()
    # Their equipment text reads "Dumbbell or kettlebell", "Two dumbbells (optional)" and
    # "Two dumbbells (or one held in both hands)": one filter entry finds all three.
    assert {"goblet-squat", "reverse-lunge", "split-stance-rdl"} <= set(shown)
    assert "leg-extension" not in shown
    assert "glute-bridge" not in shown
    select_combo(page.equipment_filter, "Machine")
    assert page.visible_exercise_ids() == ["leg-extension", "lying-leg-curl", "leg-press"]


def test_exercise_page_keeps_the_descriptive_equipment_text(main_window) -> None:
    main_window.open_exercise("reverse-lunge")
    texts = "\n".join(label.text() for label in main_window.exercise_page.findChildren(QLabel))
    assert "Equipment: Two dumbbells (optional)" in texts
    assert "Dumbbell, Bodyweight" not in texts and "Bodyweight, Dumbbell" not in texts


def test_exercise_page_says_how_each_one_leg_move_is_done(main_window) -> None:
    """The reverse lunge alternates legs (its cues say so); the page used to say
    "finish one side, then switch" for every one-leg move."""

    def meta(exercise_id: str) -> str:
        main_window.open_exercise(exercise_id)
        page = main_window.exercise_page
        return "\n".join(label.text() for label in page.findChildren(QLabel))

    assert "legs take turns, rep by rep" in meta("reverse-lunge")
    assert "finish one side" not in meta("reverse-lunge")
    assert "finish one side, then switch" in meta("split-stance-rdl")
    assert "One leg at a time" not in meta("goblet-squat")


def test_plan_table_has_the_articles_numbers(main_window) -> None:
    main_window.show_page("plans")
    table = main_window.plans_page.tables["strength"]
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
        for r in range(table.rowCount())
    }
    assert rows["Reverse lunge"] == ["2–3", "8 per leg", "60–75 s"]
    assert rows["Leg extension"] == ["3", "12–15", "45–60 s"]
    assert rows["Lying leg curl"] == ["3", "10–12", "60–90 s"]
    quick = main_window.plans_page.tables["quick-add-on"]
    assert quick.rowCount() == 3
    assert [quick.item(2, c).text() for c in range(4)] == [
        "Split-stance Romanian deadlift",
        "2",
        "6–8 per leg",
        "60 s",
    ]


def test_the_plans_page_says_whose_plan_it_is_and_shows_holds(main_window) -> None:
    main_window.show_page("plans")
    page = main_window.plans_page
    sources = {
        plan_id: page.findChild(QLabel, f"planSource-{plan_id}").text()
        for plan_id in ("strength", "quick-add-on", "gentle-day")
    }
    assert sources == {
        "strength": "From the trainer's article",
        "quick-add-on": "From the trainer's article",
        "gentle-day": "Backleg's suggestion, built on the article",
    }
    gentle = page.tables["gentle-day"]
    assert [gentle.item(0, c).text() for c in range(4)] == [
        "Diaphragmatic breathing",
        "2",
        "60 s hold",
        "20 s",
    ]


def test_a_plan_row_opens_its_exercise_with_enter(qtbot, main_window) -> None:
    main_window.show_page("plans")
    table = main_window.plans_page.tables["strength"]
    table.setFocus()
    table.setCurrentCell(3, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert main_window.current_page_key() == EXERCISE_DETAIL
    assert main_window.exercise_page.exercise.id == "reverse-lunge"
    main_window.go_back()
    assert main_window.current_page_key() == "plans"


def test_plan_link_on_an_exercise_opens_the_plan(main_window) -> None:
    main_window.open_exercise("split-stance-rdl")
    main_window.exercise_page.plan_links.linkActivated.emit("plan:quick-add-on")
    assert main_window.current_page_key() == "plans"
    assert main_window.plans_page.tables["quick-add-on"].hasFocus()


def test_follow_a_swap_from_avoid_to_its_exercise(qtbot, main_window) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page_key() == "avoid"
    links = main_window.avoid_page.swap_links["sit-ups-and-leg-raises"]
    assert ("exercise:dead-bug", "Dead bug") in links.links
    # Tab into the label lands on its first link; Enter follows it.
    links.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(links, Qt.Key.Key_Return)
    first_id = links.links[0][0].removeprefix("exercise:")
    assert main_window.current_page_key() == EXERCISE_DETAIL
    assert main_window.exercise_page.exercise.id == first_id
    qtbot.keyClick(focused(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_page_key() == "avoid"


def test_guidance_shows_flare_up_faq_and_disclaimer(qtbot, main_window, library) -> None:
    main_window.show_page("guidance")
    page = main_window.guidance_page
    assert [item.toggle.text() for item in page.faq_items] == [
        s.title for s in library.guidance.faq
    ]
    first = page.faq_items[0]
    assert not first.body.isVisible()
    qtbot.mouseClick(first.toggle, Qt.MouseButton.LeftButton)
    assert first.body.isVisible()
    labels = [label.text() for label in page.findChildren(QLabel)]
    assert library.guidance.disclaimer in labels
    assert library.guidance.flare_up[0].paragraphs[0] in labels


@pytest.mark.parametrize(("key", "page"), [(2, "exercises"), (3, "plans"), (5, "guidance")])
def test_ctrl_number_switches_pages(qtbot, main_window, key: int, page: str) -> None:
    main_window.show_page("avoid")
    qtbot.keyClick(focused(), getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page_key() == page
    assert main_window.sidebar.current_key() == page
