"""The pain check-in screen, before the first set and after the session.

A view over a `LevelEntry` (domain/level_entry.py): digits, "1 then 0" for 10, Up/Down
and the slider all go through it, so the slider and the number always show its level.
There is no silent default: until a level is chosen the screen says so and Enter does
nothing. Before a session the page shows what `domain.checkin` offers at that level:
Enter's choice on the main button, the others (Q, R, A) beside it, never as default.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backleg_desktop.domain.checkin import NO_LEVEL_PROMPT, SKIP_LABEL, CheckInOffer, ChoiceId
from backleg_desktop.domain.level_entry import LevelEntry
from backleg_desktop.domain.pain import PainAdvice
from backleg_desktop.ui.colours import tint
from backleg_desktop.ui.session import texts
from backleg_desktop.ui.session.fit import flow_row, scrolling, show_span, uncut_buttons, uncut_top
from backleg_desktop.ui.session.widgets import (
    PainScale,
    action_button,
    big_label,
    danger,
    relabel,
)
from backleg_desktop.ui.widgets import PAGE_MARGIN, muted, paragraph, set_scaled_font

AFTER_PROMPT = "Choose a level (0–10), then press Enter. Esc skips."
CHOICE_KEYS: dict[ChoiceId, str] = {"quick": "Q", "rest": "R", "anyway": "A"}


def offer_note(offer: CheckInOffer | None) -> str:
    """The line under the advice: at 4–6 "lighter today: pain 5"; at 7+ what "anyway" means."""
    if offer is None or offer.note is None:
        return ""
    if offer.band == "moderate":
        return offer.note
    anyway = offer.choice("anyway")
    return f"{anyway.label} offers every load lighter too." if anyway is not None else ""


class GuidanceBox(QFrame):
    """The advice for the pain level chosen; tinted when it recommends not training."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painGuidance")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = big_label("", 1.3)
        self.title.setObjectName("guidanceTitle")
        self.advice = paragraph("")
        self.advice.setObjectName("guidanceAdvice")
        set_scaled_font(self.advice, 1.1)  # follows a font change, unlike a copied font
        self.note = big_label("", 1.1)
        self.note.setObjectName("checkInNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.advice)
        layout.addWidget(self.note)

    def show_advice(self, advice: PainAdvice | None, prompt: str = "", note: str = "") -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))
        if advice is None:
            self.title.setText(prompt)
            self.advice.setText("")
            self.advice.setVisible(False)
        else:
            self.title.setText(advice.title)
            self.advice.setText(advice.advice)
            self.advice.setVisible(True)
        # The theme's warning tint when the advice says not to train; a theme switch
        # re-tints it (a light tint under the dark theme's light text could not be read).
        tint(self, QPalette.ColorRole.Window, "warn_tint" if advice and advice.stop else None)


class PainScreen(QWidget):
    """A pain check-in, before the first set or after the session.

    Before: Enter takes the offer's default, Esc ("Skip check-in") goes on with no
    level, Q/R/A take the other choices on offer, F opens the red-flag card when it is
    linked, and "Sharp pain" always stops. After: Enter saves the level and the notes.
    """

    confirm_requested = Signal()
    skip_requested = Signal()
    choice_requested = Signal(str)  # a ChoiceId on offer: "quick", "rest", "anyway"
    red_flags_requested = Signal()
    sharp_requested = Signal()
    level_changed = Signal(int)  # a level was chosen (key, slider or the page)

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.setObjectName("painScreen")
        self.after = False
        self._clock = clock
        self.entry = LevelEntry(clock)
        self._offer: CheckInOffer | None = None
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(12)
        self.heading = big_label("", 2.0)
        self.heading.setObjectName("painHeading")
        self.context = muted(paragraph(""))
        self.context.setObjectName("painContext")
        layout.addWidget(self.heading)
        layout.addWidget(self.context)
        keys = "Type 0–9, or 1 then 0 for 10. Up and Down step by one; the slider works too."
        layout.addWidget(muted(paragraph(keys)))
        self.scale = PainScale(self)
        self.scale.level_changed.connect(self._slider_moved)
        layout.addWidget(self.scale)
        self.guidance = GuidanceBox(self)
        layout.addWidget(self.guidance)

        self.notes_label = QLabel("&Notes (optional):", self)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("sessionNotes")
        self.notes.setPlaceholderText("How did it go? Anything to remember next time?")
        self.notes.setMaxLength(2000)
        self.notes_label.setBuddy(self.notes)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)

        self.confirm_button = action_button("Start", "Enter", "confirmPain", self)
        self._confirm("Start")
        bold = self.confirm_button.font()
        bold.setBold(True)  # Enter's choice stands out from the others
        self.confirm_button.setFont(bold)
        self.quick_button = action_button(
            "Quick add-on", "Q", "quickPlan", self, description=texts.CHECK_IN_TEXTS["quick"]
        )
        self.rest_button = action_button(
            "Rest today", "R", "restToday", self, description=texts.CHECK_IN_TEXTS["rest"]
        )
        self.anyway_button = action_button(
            "Start anyway", "A", "startAnyway", self, description=texts.CHECK_IN_TEXTS["anyway"]
        )
        self.skip_button = action_button(SKIP_LABEL, "Esc", "skipPain", self)
        self._skip(SKIP_LABEL)
        self.sharp_button = danger(
            action_button(
                "Sharp pain: stop",
                "Ctrl+Shift+P",
                "sharpPainCheckIn",
                self,
                description="Starts nothing and shows what to do about sharp pain.",
            )
        )
        self.red_flags_button = action_button(
            "Red-flag signs: when to see a doctor",
            "F",
            "redFlagsLink",
            self,
            description="Opens the Guidance page at the symptoms that need a doctor soon.",
        )
        self.confirm_button.clicked.connect(self.confirm_requested)
        self.skip_button.clicked.connect(self.skip_requested)
        self.quick_button.clicked.connect(lambda: self.choice_requested.emit("quick"))
        self.rest_button.clicked.connect(lambda: self.choice_requested.emit("rest"))
        self.anyway_button.clicked.connect(lambda: self.choice_requested.emit("anyway"))
        self.red_flags_button.clicked.connect(self.red_flags_requested)
        self.sharp_button.clicked.connect(self.sharp_requested)
        # Rows that wrap: at a large font the choices take two or three rows, never cut.
        layout.addLayout(
            flow_row(
                (
                    self.confirm_button,
                    self.quick_button,
                    self.rest_button,
                    self.anyway_button,
                    self.skip_button,
                )
            )
        )
        layout.addLayout(flow_row((self.red_flags_button, self.sharp_button)))
        layout.addStretch(1)
        # The screen scrolls rather than squeeze its lines over each other.
        scrolling(self, content, (PAGE_MARGIN * 2, PAGE_MARGIN, PAGE_MARGIN * 2, PAGE_MARGIN))
        self._choice_buttons: dict[ChoiceId, QPushButton] = {
            "quick": self.quick_button,
            "rest": self.rest_button,
            "anyway": self.anyway_button,
        }

    # -- the level -----------------------------------------------------------------------
    @property
    def level(self) -> int | None:
        return self.entry.level

    def set_level(self, level: int) -> None:
        self.entry.set(level)
        self._show_level()

    def type_digit(self, text: str) -> None:
        """A digit key: 0–9 at once, or 10 for a 0 just after a lone 1."""
        if self.entry.type_text(text):
            self._show_level()

    def step_level(self, delta: int) -> None:
        """Up (+1) or Down (-1)."""
        self.entry.step(delta)
        self._show_level()

    def _slider_moved(self, level: int) -> None:
        if level != self.entry.level:
            self.entry.set(level)
            self._show_level()

    def _show_level(self) -> None:
        level = self.entry.level
        if level is None:
            self.scale.clear()
        else:
            self.scale.set_level(level)  # slider and number together
            self.level_changed.emit(level)
        self.confirm_button.setEnabled(level is not None)

    def notes_text(self) -> str:
        return self.notes.text().strip()

    def focus_level(self) -> None:
        """Focus on the slider, so the screen's keys reach the session."""
        self.scale.slider.setFocus()

    # -- before and after ----------------------------------------------------------------
    def prepare_before(self, plan_name: str, entry: LevelEntry) -> None:
        """The check-in before `plan_name`, choosing a level into `entry` (the check-in's)."""
        self.after = False
        self.entry = entry
        self.heading.setText("How is your back right now?")
        self.context.setText(f"Before {plan_name}. 0 means no pain, 10 the worst imaginable.")
        self._skip(SKIP_LABEL)
        self.notes_label.hide()
        self.notes.hide()
        self.sharp_button.show()
        self.scale.clear()
        self.scroll_area.verticalScrollBar().setValue(0)  # type: ignore[attr-defined]
        self.show_offer(None, None)
        self._show_level()

    def prepare_after(self, context: str, note: str = "") -> None:
        self.after = True
        self.entry = LevelEntry(self._clock)
        self.heading.setText("How is your back now?")
        self.context.setText(context)
        self._confirm("Save")
        self._skip("Skip")
        self.notes_label.show()
        self.notes.show()
        self.notes.clear()
        self.sharp_button.hide()
        self.red_flags_button.hide()
        for button in self._choice_buttons.values():
            button.hide()
        self._offer = None
        self.scale.clear()
        self.guidance.show_advice(None, note or AFTER_PROMPT)
        self._show_level()

    def show_offer(self, advice: PainAdvice | None, offer: CheckInOffer | None) -> None:
        """What the level chosen means and what each key starts (None: no level yet)."""
        if self.after:
            return
        self._offer = offer
        self.guidance.show_advice(advice, NO_LEVEL_PROMPT, offer_note(offer))
        default = "Start" if offer is None else offer.default.label
        self._confirm(default)
        for choice_id, button in self._choice_buttons.items():
            choice = None if offer is None else offer.choice(choice_id)
            shown = offer is not None and choice is not None and choice is not offer.default
            button.setVisible(shown)
            if choice is not None:
                relabel(
                    button, choice.label, CHOICE_KEYS[choice_id], texts.CHECK_IN_TEXTS[choice_id]
                )
        self.red_flags_button.setVisible(offer is not None and offer.link_red_flags)
        QTimer.singleShot(0, self, self._show_choices)

    def _show_choices(self) -> None:
        """At a large font the choices are under the fold: scroll so Enter's row is
        wholly in view (with the level above it when both fit), no button cut."""
        area: QScrollArea = self.scroll_area  # type: ignore[attr-defined]
        row = (self.confirm_button, *self._choice_buttons.values(), self.skip_button)
        last = max(
            (b for b in row if b.isVisibleTo(self)),
            key=lambda b: b.geometry().bottom(),
            default=self.skip_button,
        )
        show_span(area, self.scale, last, first_on_top=True)
        level_shown = self.scale.mapTo(area.viewport(), QPoint(0, 0)).y() >= 0
        uncut_buttons(area, self.scale if level_shown else self.confirm_button)
        uncut_top(area, self.skip_button)

    def offers(self, choice_id: ChoiceId) -> bool:
        """`choice_id` is on offer besides Enter's (so its key means something now)."""
        button = self._choice_buttons.get(choice_id)
        return button is not None and button.isVisibleTo(self)

    @property
    def links_red_flags(self) -> bool:
        return self.red_flags_button.isVisibleTo(self)

    def say_level_needed(self) -> None:
        """Enter with no level: nothing starts, and the box says what to do instead."""
        self.guidance.show_advice(None, AFTER_PROMPT if self.after else NO_LEVEL_PROMPT)

    def _confirm(self, text: str) -> None:
        description = texts.CHECK_IN_TEXTS.get(text, texts.CHECK_IN_DEFAULT_TEXT)
        relabel(self.confirm_button, text, "Enter", description)

    def _skip(self, text: str) -> None:
        relabel(self.skip_button, text, "Esc", texts.CHECK_IN_TEXTS["skip"])
