"""Every session screen fits 1024×700 at the default, a 14 pt and an 18 pt system font,
checked through the real widgets: no label or button squeezed below the height its
text needs (lines over each other), no label cut, no button narrower than its text, no
widget reaching past its parent's edge; the exercise and set stay in view during a set
and a rest. Screens: the check-in (no level, pain 5, the high-pain advice at 8), the
set screen, a set under way, the rest, the warm-up, the check-in after, the summary,
and the Gentle day's hold."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QWidget,
)

from tests.ui.test_font_size import cut_labels, squeezed

K = Qt.Key
SIZES = [11.0, 14.0, 18.0]


@pytest.fixture
def at_size(qapp, request):  # type: ignore[no-untyped-def]
    """The application font at the size the test's `size` says; the old one comes back."""
    before = QFont(QApplication.font())
    font = QFont(before)
    font.setPointSizeF(request.getfixturevalue("size"))
    QApplication.setFont(font)
    yield
    QApplication.setFont(before)


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(30)  # layouts in scroll areas settle over a few event rounds
    QApplication.processEvents()


def past_parent(top: QWidget) -> list[str]:
    """Shown widgets reaching past their parent's rectangle (drawn over or cut off). A
    scroll area's content may be taller than its view: that is what scrolls."""
    found = []
    for w in top.findChildren(QWidget):
        parent = w.parentWidget()
        if not w.isVisible() or parent is None or w.isWindow():
            continue
        if isinstance(parent.parentWidget(), QAbstractScrollArea) or (
            isinstance(parent, (QAbstractScrollArea, QAbstractSpinBox))
        ):
            continue  # a scroll area's viewport and its content; a spin box's own parts
        if not parent.rect().contains(w.geometry()):
            found.append(f"{w.objectName() or type(w).__name__} {w.geometry()} in {parent.rect()}")
    return found


def narrow_buttons(top: QWidget) -> list[str]:
    return [
        f"{b.objectName()} {b.text()!r}: {b.width()} < {b.sizeHint().width()}"
        for b in top.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b.width() < b.sizeHint().width()
    ]


def misfits(screen: QWidget) -> list[str]:
    return [*squeezed(screen), *cut_labels(screen), *narrow_buttons(screen), *past_parent(screen)]


def in_view(widget: QWidget) -> bool:
    """`widget` is wholly inside the session page's visible area (scrolled or not)."""
    window = widget.window()
    top = widget.mapTo(window, QPoint(0, 0))
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is not None:
        viewport = area.viewport()
        y = widget.mapTo(viewport, QPoint(0, 0)).y()
        if y < 0 or y + widget.height() > viewport.height():
            return False
    return top.y() >= 0 and top.y() + widget.height() <= window.height()


def check_in(drive, level: str | None) -> None:  # type: ignore[no-untyped-def]
    drive.window.session.start()
    drive.enter()
    if level is not None:
        drive.type(level)


Steps = Callable[..., QWidget]


def _check_in_empty(drive):  # type: ignore[no-untyped-def]
    check_in(drive, None)
    return drive.page.pain_screen


def _check_in_5(drive):  # type: ignore[no-untyped-def]
    check_in(drive, "5")
    return drive.page.pain_screen


def _high_pain(drive):  # type: ignore[no-untyped-def]
    check_in(drive, "8")
    assert drive.page.pain_screen.guidance.title.text()  # the high-pain advice
    return drive.page.pain_screen


def _set_screen(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    return drive.page.exercise_screen


def _in_set(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    drive.space()
    drive.advance(3)
    return drive.page.exercise_screen


def _rest(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    drive.do_set(20)
    assert drive.page.current_screen() is drive.page.rest_screen
    return drive.page.rest_screen


def _warm_up(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    drive.key(K.Key_W)
    assert drive.page.current_screen() is drive.page.warm_up.screen
    return drive.page.warm_up.screen


def _after(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    drive.do_set(20)
    drive.page.end_session()  # Ctrl+E, a menu shortcut; Enter answers yes
    assert drive.page.pain_screen.after
    return drive.page.pain_screen


def _summary(drive):  # type: ignore[no-untyped-def]
    _after(drive)
    drive.type("3")
    drive.enter()
    assert drive.page.current_screen() is drive.page.summary_screen
    return drive.page.summary_screen


def _gentle_hold(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="8")
    assert drive.page.plan.id == "gentle-day"
    drive.space()
    drive.advance(3)
    return drive.page.exercise_screen


SCREENS = {
    "check-in": _check_in_empty,
    "check-in-5": _check_in_5,
    "high-pain": _high_pain,
    "set": _set_screen,
    "in-set": _in_set,
    "rest": _rest,
    "warm-up": _warm_up,
    "check-in-after": _after,
    "summary": _summary,
    "gentle-hold": _gentle_hold,
}


@pytest.mark.parametrize("name", list(SCREENS))
@pytest.mark.parametrize("size", SIZES)
def test_each_session_screen_fits_1024_by_700(qtbot, request, at_size, size, name) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = SCREENS[name](drive)
    settle(qtbot)
    assert drive.page.current_screen() is screen
    assert not misfits(screen), misfits(screen)
    assert not narrow_buttons(drive.page.action_bar), narrow_buttons(drive.page.action_bar)


@pytest.mark.parametrize("size", SIZES)
def test_the_exercise_and_set_stay_in_view_during_a_set_and_a_rest(
    qtbot, request, at_size, size
) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = _in_set(drive)
    settle(qtbot)
    for widget in (screen.name, screen.set_label, screen.primary_button):
        assert in_view(widget), f"{widget.objectName()} {widget.text()!r} out of view"
    assert screen.name.text() == "Leg extension" and screen.set_label.text().startswith("Set 1")
    viewport = screen.scroll_area.viewport()
    top = screen.timer.mapTo(viewport, QPoint(0, 0)).y()
    shown = max(0, min(viewport.height(), top + screen.timer.height()) - max(0, top))
    assert shown in (0, screen.timer.height()), "the timer is cut in half"
    drive.space()  # logged: the rest says what comes next
    rest = drive.page.rest_screen
    settle(qtbot)
    for widget in (rest.up_next, rest.up_next_detail):
        assert in_view(widget), f"{widget.objectName()} {widget.text()!r} out of view"
    assert rest.up_next.text() == "Leg extension" and "Set 2" in rest.up_next_detail.text()


@pytest.mark.parametrize("size", SIZES)
def test_a_holds_countdown_and_name_stay_in_view(qtbot, request, at_size, size) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = _gentle_hold(drive)
    settle(qtbot)
    for widget in (screen.name, screen.set_label, screen.timer):
        assert in_view(widget), f"{widget.objectName()} {widget.text()!r} out of view"


@pytest.mark.parametrize("size", [14.0, 18.0])
def test_every_cue_has_the_height_it_needs_without_a_box_of_its_own(
    qtbot, request, at_size, size
) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = _set_screen(drive)
    settle(qtbot)
    cues = screen.cues
    scrolls = [a for a in cues.findChildren(QAbstractScrollArea) if a.isVisible()]
    assert not scrolls, "the cue list scrolls inside itself"
    for label in cues.findChildren(QLabel):
        if label.isVisible():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert cues.height() >= cues.minimumSizeHint().height()
    for index in range(cues.count):  # Left, then Right: each cue comes into view
        drive.key(K.Key_Right if index else K.Key_Left)
        settle(qtbot)
        assert cues.current == index
        assert in_view(cues._labels[index]), cues._labels[index].text()


@pytest.mark.parametrize("size", [18.0])
def test_page_down_and_up_scroll_a_tall_screen_from_the_keyboard(
    qtbot, request, at_size, size
) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = _high_pain(drive)  # at 18 pt the choices are under the advice
    settle(qtbot)
    bar = screen.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() > 0  # scrolled to Enter's choice
    for _ in range(3):
        drive.key(K.Key_PageUp)
    settle(qtbot)
    assert bar.value() == 0
    assert not in_view(screen.sharp_button)
    while not in_view(screen.sharp_button) and bar.value() < bar.maximum():
        drive.key(K.Key_PageDown)
        settle(qtbot)
    assert in_view(screen.sharp_button)
    assert screen.level == 8  # the level stays: Page keys are not the slider's
    drive.key(K.Key_PageUp)
    drive.key(K.Key_PageUp)
    drive.key(K.Key_PageUp)
    assert bar.value() == 0
    drive.enter()  # Enter still takes the offer: the Gentle day
    assert drive.page.plan.id == "gentle-day"


def cut_at_fold(widget: QWidget) -> bool:
    """`widget` is partly in its scroll area's view: cut at the fold (or the top)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    assert area is not None
    top = widget.mapTo(area.viewport(), QPoint(0, 0)).y()
    bottom, view = top + widget.height(), area.viewport().height()
    return (top < 0 < bottom) or (top < view < bottom)


def buttons_cut(screen: QWidget) -> list[str]:
    return [
        f"{b.objectName()} {b.text()!r}"
        for b in screen.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and cut_at_fold(b)
    ]


@pytest.mark.parametrize("size", [None, *SIZES])
def test_ready_for_a_set_shows_the_boxes_and_the_start_button(qtbot, request, size) -> None:
    if size is not None:
        request.getfixturevalue("at_size")
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = _set_screen(drive)
    bar = screen.scroll_area.verticalScrollBar()
    for ready in ("Ready for set 1", "Ready for set 2"):
        settle(qtbot)
        assert screen.status.text() == ready
        for widget in (screen.name, screen.set_label, screen.reps, screen.load):
            assert in_view(widget), f"{ready}: {widget.objectName()} out of view"
        assert in_view(screen.primary_button), f"{ready}: {screen.primary_button.text()!r}"
        assert screen.primary_button.text().startswith("Start set")
        if size is None:
            assert bar.value() == 0  # the default font: nothing scrolls
        drive.do_set(20)
        assert drive.page.current_screen() is drive.page.rest_screen
        drive.space()  # skip the rest: ready for the next set


@pytest.mark.parametrize("size", [None, *SIZES])
def test_ready_for_each_exercise_cuts_no_line_above_the_boxes(qtbot, request, size) -> None:
    # With a two-line header (Reverse lunge, Split-stance Romanian deadlift) at 18 pt the
    # status, hint and box labels did not all fit above the button, and the screen was
    # scrolled to a place that cut the box labels ("Reps", "Load per dumbbell") in half.
    if size is not None:
        request.getfixturevalue("at_size")
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    screen = _set_screen(drive)
    seen = set()
    for _ in range(5):  # each exercise of the Strength session, ready for its set 1
        settle(qtbot)
        seen.add(screen.name.text())
        above = (screen.status, screen.hint, screen.left_reps_label, screen.reps_label)
        boxes = (screen.load_label, screen.left_reps, screen.reps, screen.load)
        shown = [w for w in (*above, *boxes) if w.isVisible()]
        area = screen.scroll_area.viewport()
        for widget in shown:
            y = widget.mapTo(area, QPoint(0, 0)).y()
            cut = y < 0 < y + widget.height() or y < area.height() < y + widget.height()
            assert not cut, (
                f"{size} pt, {screen.name.text()}: {widget.objectName() or widget.text()!r} cut"
            )
        for widget in (screen.reps, screen.load, screen.primary_button):
            assert in_view(widget), f"{screen.name.text()}: {widget.objectName()} out of view"
        drive.key(Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # on to the next exercise
        if drive.page.current_screen() is drive.page.rest_screen:
            drive.space()
    assert "Reverse lunge" in seen


def _rest_after_last_set(drive):  # type: ignore[no-untyped-def]
    drive.start(pain="2")
    sets = drive.page.exercise_screen.set_label.text().split()[-1]  # "Set 1 of 3"
    for number in range(int(sets)):
        if number:
            drive.space()  # skip the rest
        drive.do_set(20)
    rest = drive.page.rest_screen
    assert drive.page.current_screen() is rest
    assert rest.back.isVisible()  # "How is your back?" in the right column
    return rest


def _rest_after_alternating_set(drive):  # type: ignore[no-untyped-def]
    """The rest after a Reverse lunge set: left and right reps and the load to correct."""
    drive.start(pain="2")
    rest = drive.page.rest_screen
    for _ in range(20):
        drive.do_set(20)
        if rest.left_reps.isVisible():
            return rest
        drive.space()  # skip the rest
    raise AssertionError("no alternating set in the plan")


@pytest.mark.parametrize("which", ["ordinary", "after-last-set", "alternating"])
@pytest.mark.parametrize("size", [None, *SIZES])
def test_the_rests_four_controls_are_in_view_without_scrolling(qtbot, request, size, which) -> None:
    if size is not None:
        request.getfixturevalue("at_size")
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    rest = {
        "ordinary": _rest,
        "after-last-set": _rest_after_last_set,
        "alternating": _rest_after_alternating_set,
    }[which](drive)
    settle(qtbot)
    bar = rest.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    controls = (rest.minus_button, rest.pause_button, rest.plus_button, rest.skip_button)
    for button in controls:
        assert in_view(button), f"{button.text()!r} not wholly in view"
    ring = rest.ring
    assert ring.height() >= ring.minimumHeight() and in_view(ring)
    # The layout has settled: a few more event rounds change nothing.
    sizes = (ring.size(), rest.blocks.size(), bar.maximum())
    for _ in range(3):
        settle(qtbot)
    assert (ring.size(), rest.blocks.size(), bar.maximum()) == sizes
    drive.key(K.Key_Plus)  # the keys still act on the rest
    drive.key(K.Key_P)
    assert rest.ring.caption == "Paused"


@pytest.mark.parametrize("size", SIZES)
def test_the_check_in_shows_its_main_choice_whole(qtbot, request, at_size, size) -> None:
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    for level in (None, "2"):
        if level is None:
            check_in(drive, None)
        else:
            drive.type(level)
        screen = drive.page.pain_screen
        settle(qtbot)
        for button in (screen.confirm_button, screen.skip_button):
            assert in_view(button), f"{level}: {button.text()!r} not wholly in view"
        assert not buttons_cut(screen), buttons_cut(screen)
        if level is not None:
            assert screen.level == 2
            assert screen.confirm_button.text().startswith("Start Strength session")
            span = screen.skip_button.mapTo(screen.scale, QPoint(0, screen.skip_button.height()))
            if span.y() + 8 <= screen.scroll_area.viewport().height():  # both fit
                assert in_view(screen.scale), "the level is out of view"
    drive.enter()  # Enter still starts the session
    assert drive.page.current_screen() is drive.page.exercise_screen


@pytest.mark.parametrize("size", [None, *SIZES])
def test_a_holds_start_button_is_in_view_when_ready(qtbot, request, size) -> None:
    if size is not None:
        request.getfixturevalue("at_size")
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    drive.start(pain="8")  # high pain: Enter takes the Gentle day
    screen = drive.page.exercise_screen
    settle(qtbot)
    assert drive.page.plan.id == "gentle-day" and screen.status.text() == "Ready for set 1"
    assert screen.primary_button.text().startswith("Start hold")
    for widget in (screen.name, screen.set_label, screen.primary_button):
        assert in_view(widget), f"{widget.objectName()} {widget.text()!r} out of view"
    assert not buttons_cut(screen), buttons_cut(screen)


@pytest.mark.parametrize("size", [None, 11.0, 14.0])  # 18 pt: the name wraps even alone
def test_the_set_label_sits_with_the_exercise_name(qtbot, request, size) -> None:
    if size is not None:
        request.getfixturevalue("at_size")
    drive = request.getfixturevalue("drive")
    drive.window.resize(1024, 700)
    drive.window.show()
    drive.start(pain="8")  # "Diaphragmatic breathing": it wrapped at 14 pt
    screen = drive.page.exercise_screen
    settle(qtbot)
    name, label = screen.name, screen.set_label
    assert label.text() == "Set 1 of 2"
    lines = name.height() / name.fontMetrics().lineSpacing()
    assert lines < 1.5, f"the name takes {lines:.1f} lines"
    at = label.mapTo(name.parentWidget(), QPoint(0, 0))
    if at.x() > name.geometry().right():  # beside the name: on its line
        centre = at.y() + label.height() // 2
        assert name.geometry().top() <= centre <= name.geometry().bottom()
    else:  # under the name, at its left edge
        assert at.y() >= name.geometry().bottom() - 2 and at.x() == name.geometry().x()
