"""The herniated-disc mark on the session's exercise screen, and the swap it offers.

After a "yes" to the disc question, a move to clear with a doctor first shows why on its
screen, with the article's safer choices; X (or a button) does the first one instead,
before any set of the move is logged. A "no", or no answer yet, shows nothing. The swap is
stored (services/session_swaps.py), so a resumed session keeps it, "bodyweight only"
included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from backleg_desktop.domain.session_flow import Step
from backleg_desktop.services.session_swap import can_swap, swap_current_exercise
from backleg_desktop.ui.disc import DiscMarks
from backleg_desktop.ui.disc_notice import DiscNotice

if TYPE_CHECKING:
    from backleg_desktop.ui.session.running import RunningSession

BODYWEIGHT_NOTE = "bodyweight only: gentler on a disc"
NOT_NOW = "Only before the first set of this exercise is logged."


class DiscOffer(QObject):
    def __init__(self, running: RunningSession) -> None:
        super().__init__(running)
        page = running.page
        self.running = running
        self.page = page
        self.marks = DiscMarks(page.library.disc, page.settings, page.library)
        self.notice = DiscNotice(buttons=True, parent=page.exercise_screen)
        self.notice.setObjectName("sessionDiscNotice")
        page.exercise_screen.notices.addWidget(self.notice)
        self.notice.swap_requested.connect(self.swap)
        self._choices: list[str] = []

    def show_for(self, step: Step | None, state: str) -> None:
        """The mark for the step on screen (the answer is read afresh each time)."""
        self._choices = []
        if step is None or not self.marks.is_marked(step.exercise_id):
            self.notice.hide()
        else:
            safer = self.marks.safer_for(step.exercise_id)
            self._choices = [m.exercise_id for m in safer]
            names = {m.exercise_id: self.marks.name(m.exercise_id) for m in safer}
            intro = self.marks.content.safer_intro if self.marks.content else ""
            why = self.marks.why(step.exercise_id)
            self.notice.show_mark(self.marks.note, why, intro, safer, names)
            self.notice.set_swap_enabled(self.can_swap(), NOT_NOW)
            # Never a suggestion to add load to a move to clear with a doctor first.
            self.page.exercise_screen.show_hint(None)
        if step is not None and state == "ready" and self._bodyweight(step):
            screen = self.page.exercise_screen  # what the offer said: no dumbbells
            reps, load = screen.values()
            if load is not None or screen.load_note.text() != BODYWEIGHT_NOTE:
                screen.set_values(reps, None, BODYWEIGHT_NOTE)

    def _bodyweight(self, step: Step) -> bool:
        """Swapped in this session as "bodyweight only" (kept by the controller, and
        read back from the store on resume)."""
        swap = self.page.controller.swaps.get(step.item_index)
        return swap is not None and swap.bodyweight and swap.exercise_id == step.exercise_id

    def can_swap(self) -> bool:
        return bool(self._choices) and can_swap(self.page.controller)

    def swap_first(self) -> None:
        if self._choices:
            self.swap(self._choices[0])

    def swap(self, exercise_id: str) -> None:
        from backleg_desktop.ui.session.page import read_rest_choice

        controller = self.page.controller
        flow = controller.flow
        before = flow.current_step if flow is not None else None
        if before is None or exercise_id not in self._choices or not self.can_swap():
            self.page.say(NOT_NOW if self._choices else "")
            return
        moves = self.marks.safer_for(before.exercise_id)
        move = next((m for m in moves if m.exercise_id == exercise_id), None)
        first = swap_current_exercise(
            controller,
            exercise_id,
            read_rest_choice(self.page.settings),
            bodyweight=move is not None and move.bodyweight,
        )
        if first is None:
            self.page.say("That swap is not possible just now.", error=True)
            return
        self.running.forget_shown()
        self.running.show_current()  # first: a new screen clears the message line
        old, new = self.marks.name(before.exercise_id), self.marks.name(exercise_id)
        how = f" {move.text}" if move is not None else ""
        self.page.say(f"{new} instead of {old} today, gentler on a disc.{how}")
