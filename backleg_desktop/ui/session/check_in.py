"""What the pain check-in's keys and buttons do: the level chosen drives the session.

`domain.checkin.CheckIn` (held by the controller) says what Enter, Esc, Q, R and A start
at the level chosen; this part takes that outcome: start the plan (lighter, or another
plan), or rest today with nothing recorded. After a session the same screen saves the
pain after. Enter never acts until a level is chosen: the screen says so instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backleg_desktop.domain.checkin import ChoiceId, Outcome, RestToday
from backleg_desktop.ui.session.texts import flare_up_text

if TYPE_CHECKING:
    from backleg_desktop.ui.session.page import SessionPage

REST_TODAY_TITLE = "Rest today: nothing is recorded"


class CheckInActions:
    """See the module docstring; `page.check_in` is one."""

    def __init__(self, page: SessionPage) -> None:
        self.page = page

    def level_changed(self, _level: int) -> None:
        if not self.page.pain_screen.after:
            found = self.page.controller.check_in_advice()
            if found is not None:
                self.page.pain_screen.show_offer(found.advice, found.offer)

    def confirm(self) -> None:
        """Enter: nothing happens until a level is chosen, and the screen says so."""
        screen = self.page.pain_screen
        if screen.level is None:
            screen.say_level_needed()
        elif screen.after:
            self._save_pain_after(screen.level)
        elif (check_in := self.page.controller.check_in) is not None:
            self._take(check_in.enter())

    def skip(self) -> None:
        """Esc: "Skip check-in" goes on with no level (after the session: skip it)."""
        if self.page.pain_screen.after:
            self._save_pain_after(None)
        elif (check_in := self.page.controller.check_in) is not None:
            self._take(check_in.skip())

    def choose(self, choice_id: ChoiceId) -> None:
        """Q, R or A: a choice the check-in offers besides Enter's."""
        check_in = self.page.controller.check_in
        if check_in is not None and not self.page.pain_screen.after:
            self._take(check_in.choose(choice_id))

    def _take(self, outcome: Outcome | None) -> None:
        if outcome is None or self.page.plan is None:
            return
        if isinstance(outcome, RestToday):
            self.rest_today()
            return
        if outcome.plan_id != self.page.plan.id:  # Q: the quick add-on; 7+: the gentle day
            from backleg_desktop.ui.session.page import read_rest_choice  # page imports us

            choice = read_rest_choice(self.page.settings)
            self.page.controller.switch_plan(outcome.plan_id, choice)
        if self.page.controller.begin(outcome.pain_before, lighter=outcome.lighter):
            self.page.running.show_current()

    def rest_today(self) -> None:
        """Rest today, at a high level: the flare-up advice, and nothing is recorded."""
        self.page.controller.cancel_check_in()
        text = flare_up_text(self.page.library)
        self.page.notice_screen.show_notice(REST_TODAY_TITLE, text)
        self.page.show_screen(self.page.notice_screen)

    def _save_pain_after(self, level: int | None) -> None:
        if self.page.controller.save_pain_after(level, self.page.pain_screen.notes_text()):
            self.page.show_summary()
