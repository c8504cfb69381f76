"""The herniated-disc answer wired into the window: the one-time question after the
disclaimer, and the marks on the exercise cards, an exercise's page and the Plans page.

Each page is marked when it is shown (and again when the answer changes), reading the
answer afresh, so a change made in Preferences shows on the next look.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backleg_desktop.ui.disc import CARD_BADGE, DiscMarks

if TYPE_CHECKING:
    from backleg_desktop.ui.disc_question import DiscQuestionDialog
    from backleg_desktop.ui.main_window import MainWindow
    from backleg_desktop.ui.pages.exercises import ExercisesPage

BADGE = f"⚠ {CARD_BADGE}"


def install_disc(window: MainWindow) -> DiscMarks:
    """The window's DiscMarks, with every page that shows moves following it."""
    marks = DiscMarks(window.library.disc, window.settings, window.library)
    marks.setParent(window)
    if window.is_built("exercises"):
        mark_cards(window.exercises_page, marks)
    # else page_factories.make_exercises marks them once the page is first shown

    def refresh(key: str | None = None) -> None:
        key = key or window.current_page_key()
        if key == "exercises":
            window.exercises_page.grid.relayout()
        elif key == "plans":
            window.plans_page.mark_exercises(marks.is_marked, BADGE, marks.note, _plan_summary)
        elif key == "exercise":
            _mark_exercise_page(window, marks)

    window.page_changed.connect(refresh)
    marks.changed.connect(refresh)
    return marks


def mark_cards(page: ExercisesPage, marks: DiscMarks) -> None:
    """The exercise cards show the badge on the moves the answer marks."""
    from backleg_desktop.ui.card_delegate import CardDelegate

    delegate = page.grid.itemDelegate()
    if isinstance(delegate, CardDelegate):
        delegate.caution = marks
        delegate.caution_badge = BADGE


def _plan_summary(names: list[str]) -> str:
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (
        f"⚠ You told Backleg you have a herniated disc: get the go-ahead from your doctor or "
        f"physical therapist before {listed}. In a session, each offers gentler moves instead."
    )


def _mark_exercise_page(window: MainWindow, marks: DiscMarks) -> None:
    from backleg_desktop.ui.disc_notice import DiscNotice

    page = window.exercise_page
    exercise = page.exercise
    if exercise is None or not marks.is_marked(exercise.id):
        page.show_notice(None)
        return
    notice = DiscNotice(buttons=False, parent=page)
    safer = marks.safer_for(exercise.id)
    names = {m.exercise_id: marks.name(m.exercise_id) for m in safer}
    intro = marks.content.safer_intro if marks.content is not None else ""
    notice.show_mark(marks.note, marks.why(exercise.id), intro, safer, names)
    notice.link_activated.connect(page.link_activated)
    page.show_notice(notice)


def ask_disc_question(window: MainWindow) -> DiscQuestionDialog | None:
    """The one-time question, unless it was answered (or there is no such content)."""
    marks: DiscMarks = window.disc
    if marks.content is None or marks.answer() is not None:
        return None
    from backleg_desktop.ui.disc_question import DiscQuestionDialog

    dialog = DiscQuestionDialog(marks.content.question, window)
    dialog.answered.connect(lambda answer: marks.set_answer("yes" if answer == "yes" else "no"))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    window.disc_dialog = dialog
    return dialog
