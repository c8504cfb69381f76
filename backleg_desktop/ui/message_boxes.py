"""The yes/no questions and short messages Backleg shows: Qt's own QMessageBox, made here
so that a screen reader hears what each one is about and what each button does.

Qt's static functions (QMessageBox.question and the rest) give a box its title as the
accessible name and its buttons their texts, and nothing describes them. Every box in
ui/ is made through `ask`, `inform` or `warn` instead. Each keeps what the static
function did: the icon, the buttons, and for a question the default button (Enter) and
No on Escape. A question names what Yes and No do, which the screen reader says when
the user reaches the button.

Tests answer a box by replacing these functions (a real one is modal and would wait).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from backleg_desktop.ui.accessible import described

Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No
OK_DOES = "Closes this message and goes back to where you were."


def build(
    icon: QMessageBox.Icon,
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: dict[QMessageBox.StandardButton, str],
    default: QMessageBox.StandardButton,
) -> QMessageBox:
    """The box, described: its text as the box's description, and each button's own
    (`buttons` maps each button to what it does)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("messageBox")
    for which, does in buttons.items():
        described(box.addButton(which), does)
    box.setDefaultButton(default)
    # The box's name is its title (Qt's own); the description is the message itself,
    # for the tools that read a dialog's name and description rather than its labels.
    described(box, text.replace("\n\n", " ").replace("\n", " "), name=title)
    return box


def ask(
    parent: QWidget | None,
    title: str,
    question: str,
    *,
    yes: str,
    no: str,
    default: QMessageBox.StandardButton = No,
) -> bool:
    """A yes/no question; True if the answer is Yes. `yes` and `no` say what each does;
    `default` is what Enter answers: keep it the gentler, safer choice."""
    box = build(QMessageBox.Icon.Question, parent, title, question, {Yes: yes, No: no}, default)
    box.setEscapeButton(No)  # Escape, or closing the box, answers No
    box.exec()
    return box.standardButton(box.clickedButton()) == Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """A message that something happened, with OK."""
    _tell(QMessageBox.Icon.Information, parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A message that something did not happen or needs attention, with OK."""
    _tell(QMessageBox.Icon.Warning, parent, title, text)


def _tell(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> None:
    ok = QMessageBox.StandardButton.Ok
    build(icon, parent, title, text, {ok: OK_DOES}, ok).exec()
