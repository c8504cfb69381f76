"""What the rest screen's "How is your back?" does: store the answer for the exercise
just finished, and on a rise of 2 or more against the check-in offer the gentle day
(G: this session ends early, kept as it is, and the gentle day starts at the level
given) or ending (Ctrl+E, as always). Carrying on needs nothing: the rest runs on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backleg_desktop.domain.back_check import back_check
from backleg_desktop.domain.checkin import GENTLE_DAY_ID
from backleg_desktop.domain.session_flow import Step

if TYPE_CHECKING:
    from backleg_desktop.ui.session.page import SessionPage


class BackCheckActions:
    """See the module docstring; `page.back_check` is one."""

    def __init__(self, page: SessionPage) -> None:
        self.page = page
        self.question = page.rest_screen.back
        self.question.answered.connect(self.answered)
        self.question.gentle_requested.connect(self.switch_to_gentle_day)
        self.question.end_requested.connect(page.end_session)

    def after_set(self, step: Step) -> None:
        """A rest starts after `step`: ask when that was the exercise's last set."""
        flow = self.page.flow
        following = None if flow is None else flow.current_step
        last_of_item = following is None or following.item_index != step.item_index
        if flow is not None and flow.state == "resting" and last_of_item:
            self.question.ask(step.exercise_id)
        else:
            self.question.close_question()

    def answered(self, exercise_id: str, level: int) -> None:
        page = self.page
        if not page.controller.record_back_pain(exercise_id, level):
            return
        flow, plan = page.flow, page.plan
        if flow is None or plan is None:
            return
        gentle = page.library.plans.get(GENTLE_DAY_ID)
        offer = back_check(
            flow.pain_before,
            level,
            gentle_name=None if gentle is None else gentle.name,
            on_gentle_day=plan.id == GENTLE_DAY_ID,
        )
        self.question.show_offer(offer)

    def switch_to_gentle_day(self) -> None:
        """G: end this session early (everything logged is kept), start the gentle day."""
        page, question = self.page, self.question
        level = question.entry.level
        if not question.offers_gentle_day or level is None:
            return
        from backleg_desktop.ui.session.page import read_rest_choice  # page imports us

        page.running.stop_timers()
        question.close_question()
        controller = page.controller
        if not controller.end_early():
            return
        if controller.choose(GENTLE_DAY_ID, read_rest_choice(page.settings)) is None:
            return
        page.running.forget_shown()
        if controller.begin(level, lighter=True):
            page.running.show_current()  # first: a new screen clears the message line
            page.say("Switched to the Gentle day: the session before is saved as ended early.")

    @property
    def offers_gentle_day(self) -> bool:
        return self.question.offers_gentle_day
