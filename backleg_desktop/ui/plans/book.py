"""Every plan the window offers, built-in and your own, with a signal when they change.

One `PlanBook` per main window (`window.plan_book`): the Plans page, the session's plan
chooser and the editor all read plans through it, so a plan saved, renamed or deleted in
one place shows everywhere at once. It holds no plans itself: it asks the services
(services/plan_catalog.py, services/user_plans.py) each time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.history import user_exercise_name
from backleg_desktop.services.errors import BacklegError

if TYPE_CHECKING:
    from backleg_desktop.services.store import Store

USER_SOURCE = "user"


class PlanBook(QObject):
    changed = Signal()  # a plan was saved, renamed, deleted or imported

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.store: Store | None = None

    def attach(self, store: Store) -> None:
        self.store = store
        self.changed.emit()

    @property
    def ready(self) -> bool:
        """Your own plans can be read and saved (the history is open)."""
        return self.store is not None

    # -- reading -------------------------------------------------------------------------
    def plans(self) -> list[Plan]:
        """Built-in plans first (the Strength session first), then yours, most recently
        used first. Yours are left out, not an error, when the history cannot be read."""
        from backleg_desktop.services.plan_catalog import every_plan

        try:
            return every_plan(self.library, self.store)
        except BacklegError:
            return every_plan(self.library, None)

    def plan(self, plan_id: str) -> Plan | None:
        return next((plan for plan in self.plans() if plan.id == plan_id), None)

    def names(self) -> list[str]:
        return [plan.name for plan in self.plans()]

    @staticmethod
    def is_own(plan: Plan) -> bool:
        return str(plan.source) == USER_SOURCE

    def user_exercises(self) -> list[tuple[str, str]]:
        """(id, name) of your own exercises, as History lists them."""
        if self.store is None:
            return []
        try:
            return list(self.store.workouts.user_exercises())
        except BacklegError:
            return []

    def exercise_name(self, exercise_id: str) -> str:
        exercise = self.library.exercises.get(exercise_id)
        if exercise is not None:
            return exercise.name
        return user_exercise_name(exercise_id) or exercise_id

    def one_sided(self, exercise_id: str) -> bool:
        exercise = self.library.exercises.get(exercise_id)
        return exercise is not None and exercise.one_sided

    def about(self, exercise_id: str) -> str:
        """ "One leg at a time · Bodyweight, Mat", for the editor's form."""
        exercise = self.library.exercises.get(exercise_id)
        if exercise is None:
            return "Your own exercise: logged as both legs together."
        sides = "One leg at a time" if exercise.one_sided else "Both legs together"
        return f"{sides} · {', '.join(exercise.equipment_tags or exercise.equipment)}"

    # -- changing (each may raise a BacklegError with a message for the user) -------------
    def _own_plans(self):  # type: ignore[no-untyped-def]
        if self.store is None:
            raise BacklegError("Your history is not open yet, so your plans cannot be saved.")
        return self.store.plans

    def save(self, plan: Plan) -> Plan:
        """Store `plan` (id "": a new plan); raises PlanInvalid with the problems."""
        saved = self._own_plans().save(plan)
        self.changed.emit()
        return saved

    def delete(self, plan_id: str) -> None:
        self._own_plans().delete(plan_id)
        self.changed.emit()

    def reload(self) -> None:
        """Plans changed outside the book (File → Import plans…): tell everyone."""
        self.changed.emit()
