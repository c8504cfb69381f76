"""The plans a guided session can run: the built-in ones, and the user's own once the
history is open (services/user_plans.py). The session controller asks here for a plan
by id, on a new start and on resume, and records here when a user plan is started, so
it moves to the front of the chooser. No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.services.plan_catalog import is_user_plan_id

if TYPE_CHECKING:  # only for the types: importing it pulls in SQLAlchemy
    from backleg_desktop.services.user_plans import UserPlans


class SessionPlans:
    def __init__(self, library: Library) -> None:
        self.library = library
        self.user: UserPlans | None = None  # set when the store is open

    def find(self, plan_id: str | None) -> Plan | None:
        """The plan with this id, or None (unknown, deleted, or the file unreadable)."""
        if not plan_id:
            return None
        if plan_id in self.library.plans:
            return self.library.plans[plan_id]
        if self.user is None or not is_user_plan_id(plan_id):
            return None
        try:
            return self.user.get(plan_id)
        except BacklegError:
            return None  # the caller says the plan cannot be found; nothing is lost

    def started(self, plan: Plan) -> None:
        """`plan` was started: a user plan becomes the most recently used."""
        if self.user is not None and is_user_plan_id(plan.id):
            self.user.mark_used(plan.id)
