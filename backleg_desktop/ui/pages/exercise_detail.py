"""One exercise: what it trains, why it suits a sore back, and its cues step by step."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backleg_desktop.content.model import Exercise, Library
from backleg_desktop.domain.one_leg import effective_mode
from backleg_desktop.ui.card_delegate import ONE_SIDED_BADGE
from backleg_desktop.ui.cue_player import CuePlayer, StepList
from backleg_desktop.ui.figures.panel import FigurePanel
from backleg_desktop.ui.links import exercise_link, plan_link
from backleg_desktop.ui.widgets import (
    PAGE_MARGIN,
    LinkLabel,
    ReadableColumn,
    Section,
    VerticalScrollArea,
    bullet_list,
    focus_enters,
    heading,
    muted,
    paragraph,
)


class ExerciseDetailPage(QWidget):
    link_activated = Signal(str)
    back_requested = Signal()

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exerciseDetailPage")
        self._library = library
        self._clock = clock
        self.exercise: Exercise | None = None
        self.title = QLabel()  # replaced by set_exercise
        self.notice: QWidget | None = None  # e.g. the herniated-disc mark, under the title

        self.back_button = QPushButton("‹ Back", self)
        self.back_button.setObjectName("backButton")
        self.back_button.setToolTip("Back to where you came from (Alt+Left)")
        self.back_button.clicked.connect(self.back_requested)
        top = QHBoxLayout()
        top.setContentsMargins(PAGE_MARGIN, 12, PAGE_MARGIN, 0)
        top.addWidget(self.back_button)
        top.addStretch(1)

        self.player = CuePlayer()
        self.step_list = StepList(())
        self.figure_panel = FigurePanel(clock)
        self._scroll = VerticalScrollArea(QWidget(), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._scroll, 1)
        focus_enters(self, lambda: self.player.next_button)

    def set_exercise(self, exercise_id: str) -> None:
        exercise = self._library.exercise(exercise_id)
        self.exercise = exercise
        page = ReadableColumn()
        self.title = heading(exercise.name, 1)
        page.add(self.title)
        meta = [
            f"Target muscles: {', '.join(exercise.target_muscles)}",
            f"Equipment: {', '.join(exercise.equipment)}",
        ]
        mode = effective_mode(exercise.one_sided, exercise.one_leg_mode)
        if mode == "alternate":  # what the content says, e.g. the reverse lunge
            meta.append(f"{ONE_SIDED_BADGE}: legs take turns, rep by rep")
        elif mode is not None:
            meta.append(f"{ONE_SIDED_BADGE}: finish one side, then switch")
        page.column.setSpacing(14)
        page.add(muted(paragraph("\n".join(meta))))
        self.notice = None  # the previous exercise's goes with its page
        if exercise.summary:
            page.add(paragraph(exercise.summary))

        movement = Section("See the movement")
        self.figure_panel = FigurePanel(self._clock)
        self.figure_panel.setMinimumHeight(self.fontMetrics().height() * 16)
        movement.add(self.figure_panel)
        movement.add(muted(paragraph("K pauses and plays; comma and full stop step one position.")))
        page.add(movement)
        self.figure_panel.set_figure(self._library.figures.get(exercise.id), exercise.cues)
        self.figure_panel.play()

        why = Section("Why it is kind to your back")
        why.add(paragraph(exercise.why_back_friendly))
        page.add(why)

        steps = Section("Step by step")
        self.player = CuePlayer()
        steps.add(self.player)
        steps.add(heading("All steps", 3))
        self.step_list = StepList(exercise.cues)
        steps.add(self.step_list)
        page.add(steps)
        self.player.step_changed.connect(self.step_list.set_current)
        self.step_list.step_clicked.connect(self.player.go_to)
        self.player.set_cues(exercise.cues)

        if exercise.note:
            note = Section("Good to know")
            note.add(paragraph(exercise.note))
            page.add(note)
        if exercise.easier_options:
            easier = Section("Easier options and adjustments")
            easier.add(bullet_list(exercise.easier_options))
            page.add(easier)
        if exercise.warning_signs:
            warnings = Section("Signs the load is too much")
            warnings.add(bullet_list(exercise.warning_signs))
            page.add(warnings)

        plans = self._library.plans_using(exercise.id)
        self.plan_links = LinkLabel((plan_link(p.id), p.name) for p in plans)
        if plans:
            used = Section("Plans that use it")
            used.add(self.plan_links)
            page.add(used)
        self.related_links = LinkLabel(
            (exercise_link(i), self._library.exercise(i).name)
            for i in exercise.related
            if i in self._library.exercises
        )
        if exercise.related:
            related = Section("Related exercises")
            related.add(self.related_links)
            page.add(related)
        for links in (self.plan_links, self.related_links):
            links.link_activated.connect(self.link_activated)

        self._scroll.setWidget(page)  # the previous exercise's widgets are deleted
        self._scroll.verticalScrollBar().setValue(0)

    def show_notice(self, notice: QWidget | None) -> None:
        """Put `notice` under the title and the muscles (None: take it away)."""
        if self.notice is not None:
            self.notice.hide()
            self.notice.deleteLater()
            self.notice = None
        column = self._scroll.widget()
        if notice is not None and isinstance(column, ReadableColumn):
            column.column.insertWidget(2, notice)
            notice.show()  # re-parented: shown again
            self.notice = notice

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Left/Right step through the cues from anywhere on the page that does not use them.
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if self.figure_panel.handle_key(event):
            return
        if plain and event.key() == Qt.Key.Key_Right:
            self.player.next()
        elif plain and event.key() == Qt.Key.Key_Left:
            self.player.previous()
        elif plain and event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()  # as ‹ Back does; a child using Escape takes it first
        else:
            super().keyPressEvent(event)
