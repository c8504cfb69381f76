"""The mobility warm-up on screen: W on the first exercise's screen runs it as timed
steps (domain.warm_up), one countdown per move on the rest timer's deadline.

It is offered, never forced: the first exercise's screen lists the moves and says W
runs them, and Space there still starts the first set. On the warm-up screen Space
moves on to the next move, Esc or W stops it; after the last move (or a stop) the
exercise screen is back, ready for the first set. Nothing is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from backleg_desktop.content.warm_up import WarmUp
from backleg_desktop.domain.checkin import GENTLE_DAY_ID
from backleg_desktop.domain.timers import format_mmss
from backleg_desktop.domain.warm_up import WarmUpRun
from backleg_desktop.ui.session.exercise_screen import first_step_word
from backleg_desktop.ui.session.fit import Blocks, block, scrolling
from backleg_desktop.ui.session.widgets import CountdownRing, big_label
from backleg_desktop.ui.timers import TimerDriver
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, set_scaled_font

if TYPE_CHECKING:
    from backleg_desktop.ui.session.page import SessionPage

KEYS_TEXT = "Space: next move · Esc or W: stop the warm-up (Space then starts the first set)"


def offer_text(warm_up: WarmUp, first: str = "set") -> str:
    """What the first exercise's screen lists: the moves, their time, and the key;
    `first`: what Space starts there ("set", "hold", "warm-up set")."""
    minutes = round(warm_up.total_seconds / 60 * 2) / 2  # to the half minute
    names = ", ".join(move.name.lower() for move in warm_up.moves)
    return (
        f"Warm up first (optional, about {minutes:g} min): {names}. "
        f"Press W to run it; Space starts the {first}."
    )


class WarmUpScreen(QWidget):
    def __init__(self, warm_up: WarmUp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warmUpScreen")
        self.title = big_label(warm_up.title, 2.0)
        self.title.setObjectName("warmUpTitle")
        self.intro = muted(paragraph(warm_up.intro))
        self.step_label = big_label("", 1.3, bold=False)
        self.step_label.setObjectName("warmUpStep")
        self.move_name = big_label("", 2.2)
        self.move_name.setObjectName("warmUpMove")
        self.how = paragraph("")
        self.how.setObjectName("warmUpHow")
        set_scaled_font(self.how, 1.25)
        self.ring = CountdownRing(self)
        self.ring.setAccessibleName("Warm-up countdown")
        self.ring.set_caption("Warm-up")
        self.ring.align_top = True
        self.moves = paragraph("")
        self.moves.setObjectName("warmUpMoves")
        self.keys = muted(paragraph(KEYS_TEXT))
        self.keys.setObjectName("warmUpKeys")
        self.note = muted(paragraph(warm_up.source_note))
        self.note.setObjectName("warmUpNote")
        self._warm_up = warm_up

        text = QWidget()
        right = QVBoxLayout(text)
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(10)
        for widget in (self.title, self.intro, self.step_label, self.move_name, self.how):
            right.addWidget(widget)
        right.addSpacing(8)
        right.addWidget(self.moves)
        right.addStretch(1)
        right.addWidget(self.keys)
        right.addWidget(self.note)
        # At a large font the move and what to do come first, the ring under them, and
        # the screen scrolls rather than squeeze the text.
        blocks = Blocks(
            (block(self.ring, stretch_last=True), text),
            wide=((0, 0, 1, 1), (0, 1, 1, 1)),
            narrow=((1, 0, 1, 1), (0, 0, 1, 1)),
            columns=((0,), (1,)),
            stretch=(1, 1),  # the text wider than before: at 18 pt it was four words a line
            spacing=PAGE_MARGIN,
        )
        scrolling(self, blocks, (PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN // 2))

    def show_move(self, index: int) -> None:
        moves = self._warm_up.moves
        move = moves[index]
        self.step_label.setText(f"Move {index + 1} of {len(moves)}")
        self.move_name.setText(move.name)
        self.how.setText(move.how)
        self.ring.set_total(move.seconds)
        self.ring.set_seconds(move.seconds)
        lines = []
        for number, other in enumerate(moves):
            mark = "▶" if number == index else "✓" if number < index else "·"
            lines.append(f"{mark}  {other.name}  ({format_mmss(other.seconds)})")
        self.moves.setText("\n".join(lines))


class WarmUpActions(QObject):
    """Owns the warm-up's run, screen and timer driver for the session page."""

    def __init__(self, page: SessionPage) -> None:
        super().__init__(page)
        self.page = page
        self.warm_up = page.library.guidance.warm_up
        self.run: WarmUpRun | None = None
        self.screen: WarmUpScreen | None = None
        self.done = False  # run to its end once this session
        if self.warm_up is not None and self.warm_up.moves:
            self.run = WarmUpRun(
                self.warm_up.moves, page.controller.clock, page.controller.wall_clock
            )
            self.screen = WarmUpScreen(self.warm_up, page)
        self.driver = TimerDriver(page)
        self.driver.setObjectName("sessionWarmUpDriver")
        self.driver.display_changed.connect(self._show_seconds)
        self.driver.finished.connect(self.next_move)

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.running

    def offered(self) -> bool:
        """On the first exercise's screen, before its first set: nothing logged or
        skipped yet, the first set ready to start. Not on the Gentle day: that plan is
        the flare-up's gentle movement already, and squats and swings are not for it."""
        flow = self.page.flow
        if self.run is None or flow is None or not self.page.is_active:
            return False
        if flow.plan.id == GENTLE_DAY_ID:
            return False
        step = flow.current_step
        return (
            flow.state == "ready"
            and step is not None
            and step.index == 0
            and flow.last_logged is None
        )

    def offer(self) -> str:
        """The exercise screen's line about the warm-up ("" when it is not offered)."""
        if self.warm_up is None or not self.offered():
            return ""
        step = self.page.flow.current_step if self.page.flow is not None else None
        first = first_step_word(step.is_hold, step.kind == "warmup") if step is not None else "set"
        if self.done:
            return f"Warm-up done. Space starts the first {first} (W runs the warm-up again)."
        return offer_text(self.warm_up, first)

    def start(self) -> None:
        """W on the first exercise's screen."""
        if self.run is None or self.screen is None or not self.offered():
            return
        self.run.start()
        self.page.show_screen(self.screen)
        self._show_move()

    def next_move(self) -> None:
        """Space on the warm-up screen, or a move's time ran out."""
        if self.run is None or not self.running:
            return
        if self.run.next() is None:
            self.done = True
            self._back()
            return
        self._show_move()

    def stop(self) -> None:
        """Esc or W on the warm-up screen: back to the first set, ready."""
        if self.run is not None and self.running:
            self.run.stop()
            self._back()

    def left(self) -> None:
        """The page showed another screen (a skip, the end): the warm-up stops."""
        if self.running and self.page.current_screen() is not self.screen:
            assert self.run is not None
            self.run.stop()
            self.driver.stop()

    def _back(self) -> None:
        self.driver.stop()
        self.page.title_prefix_changed.emit("")
        self.page.running.show_current()

    def _show_move(self) -> None:
        assert self.run is not None and self.screen is not None and self.run.index is not None
        self.screen.show_move(self.run.index)
        self.driver.start(self.run.timer)

    def _show_seconds(self, seconds: int) -> None:
        if self.screen is not None and self.running:
            self.screen.ring.set_seconds(seconds)
            self.page.title_prefix_changed.emit(f"{format_mmss(seconds)} · Warm-up")
