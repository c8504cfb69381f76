"""What the Plans page's buttons do with a plan: new, duplicate, edit, rename, delete.

Built-in plans are never changed; duplicating one opens the editor on a copy that becomes
one of your own when you save it. Delete asks first, and says that History keeps the
sessions done with the plan (they carry its name).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from backleg_desktop.content.model import Plan
from backleg_desktop.domain.plan_rules import name_key
from backleg_desktop.services.errors import BacklegError
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.plans.book import PlanBook
from backleg_desktop.ui.plans.draft import Draft, draft_from_plan
from backleg_desktop.ui.plans.editor_dialog import PlanEditor


def copy_name(name: str, taken: list[str]) -> str:
    """ "Strength session (copy)", or "(copy 2)", … when that is taken too."""
    used = {name_key(other) for other in taken}
    candidate, number = f"{name} (copy)", 2
    while name_key(candidate) in used:
        candidate, number = f"{name} (copy {number})", number + 1
    return candidate


def open_editor(parent: QWidget, book: PlanBook, draft: Draft) -> PlanEditor:
    editor = PlanEditor(book, draft, parent)
    editor.finished.connect(lambda _result: editor.deleteLater())
    editor.open()
    return editor


def new_plan(parent: QWidget, book: PlanBook) -> PlanEditor:
    return open_editor(parent, book, Draft())


def duplicate_plan(parent: QWidget, book: PlanBook, plan: Plan) -> PlanEditor:
    draft = replace(draft_from_plan(plan, keep_id=False), name=copy_name(plan.name, book.names()))
    return open_editor(parent, book, draft)


def edit_plan(parent: QWidget, book: PlanBook, plan: Plan) -> PlanEditor:
    return open_editor(parent, book, draft_from_plan(plan))


def rename_plan(parent: QWidget, book: PlanBook, plan: Plan) -> Plan | None:
    """Ask for a new name until it is one no other plan has (or the user gives up)."""
    name = plan.name
    while True:
        name, ok = QInputDialog.getText(
            parent, "Rename plan", f"New name for “{plan.name}”:", QLineEdit.EchoMode.Normal, name
        )
        name = name.strip()
        if not ok or name == plan.name:
            return None
        problem = _name_problem(name, plan, book)
        if problem is None:
            try:
                return book.save(replace(plan, name=name))
            except BacklegError as error:
                problem = _message(error)
        message_boxes.warn(parent, "Rename plan", problem)


def _name_problem(name: str, plan: Plan, book: PlanBook) -> str | None:
    if not name:
        return "A plan needs a name."
    taken = {name_key(other) for other in book.names() if other != plan.name}
    if name_key(name) in taken:
        return f"Another plan is called “{name}”: choose a new name."
    return None


def _message(error: BacklegError) -> str:
    problems = getattr(error, "problems", None)
    if problems:
        return "\n".join(problem.message for problem in problems)
    return str(error)


def delete_plan(parent: QWidget, book: PlanBook, plan: Plan) -> bool:
    question = (
        f"Delete your plan “{plan.name}”?\n\n"
        "History keeps every session you did with it, under its name. "
        "Only the plan goes."
    )
    if not message_boxes.ask(
        parent,
        "Delete plan",
        question,
        yes="Deletes this plan for good; the sessions done with it stay in History.",
        no="Keeps the plan as it is.",
        default=message_boxes.No,
    ):
        return False
    try:
        book.delete(plan.id)
    except BacklegError as error:
        message_boxes.warn(parent, "Delete plan", f"The plan was not deleted.\n\n{error}")
        return False
    return True
