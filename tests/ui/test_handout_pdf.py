"""File → Save handout as PDF…: the file dialog (last folder, a dated name) on every
platform, your own plans as well as the built-in ones, and the herniated-disc mark."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QInputDialog

from backleg_desktop.content.model import IntRange, Plan, PlanItem
from backleg_desktop.services.store import Store, open_store
from backleg_desktop.ui import message_boxes
from backleg_desktop.ui.disc import DISC_KEY
from tests.support.stores import close_when_jobs_are_done
from tests.test_handout import page_texts

TODAY = date.today().isoformat()
HANDOUT = f"backleg-handout-{TODAY}.pdf"
DISC_WORDS = "Herniated disc: ask your doctor or PT first."


@pytest.fixture
def store(data_dir: Path, library) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    opened = open_store(data_dir, library, make_daily_backup=False)
    yield opened
    close_when_jobs_are_done(opened)


@pytest.fixture
def window(main_window, store):  # type: ignore[no-untyped-def]
    main_window.attach_store(store)
    return main_window


class Dialogs:
    """The plan picker and the save dialog answered as a user would; what they were shown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, plan_name: str) -> None:
        self.plan_name = plan_name
        self.offered: list[str] = []
        self.suggested: list[str] = []
        self.save_as: Path | None = None  # None: keep the suggested name
        self.told: list[str] = []
        monkeypatch.setattr(QInputDialog, "getItem", self._pick)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(message_boxes, "inform", lambda *a: self.told.append(a[2]))
        monkeypatch.setattr(message_boxes, "warn", lambda *a: self.told.append(a[2]))

    def _pick(self, _parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        self.offered = list(items)
        return self.plan_name, True

    def _save(self, _parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        self.suggested.append(start)
        return str(self.save_as or start), _filter


def save_pdf(window) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in window.file_menu.actions() if a.objectName() == "saveHandoutPdfAction")
    assert action.text() == "Save handout as P&DF…"
    action.trigger()


def test_save_as_pdf_suggests_a_dated_name_in_the_last_folder_and_remembers_it(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    window.settings.setValue("files/last_folder", str(folder))
    dialogs = Dialogs(monkeypatch, "Quick add-on")
    save_pdf(window)
    assert dialogs.suggested == [str(folder / HANDOUT)]
    written = folder / HANDOUT
    text = " ".join(page_texts(written))
    assert "Quick add-on" in text and "Leg extension" in text
    assert dialogs.told == [f"Saved the Quick add-on handout (1 page) to {written}."]
    assert [p.name for p in folder.iterdir()] == [HANDOUT]  # no partial file left

    other = tmp_path / "elsewhere"
    other.mkdir()
    dialogs.save_as = other / "for my physio"  # no suffix typed: .pdf is added
    save_pdf(window)
    assert (other / "for my physio.pdf").stat().st_size > 1000
    save_pdf(window)
    assert dialogs.suggested[-1] == str(other / HANDOUT)  # the next one starts there


def test_the_print_dialog_names_its_pdf_the_same_way(qtbot, window, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "printed"
    folder.mkdir()
    window.settings.setValue("files/last_folder", str(folder))
    seen: dict[str, str] = {}

    def accept(dialog: QPrintDialog) -> int:
        seen["doc"] = dialog.printer().docName()
        seen["file"] = dialog.printer().outputFileName()
        return QPrintDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    monkeypatch.setattr(QPrintDialog, "exec", accept)
    Dialogs(monkeypatch, "Quick add-on")
    window.print_handout_action.trigger()
    assert seen == {"doc": HANDOUT.removesuffix(".pdf"), "file": str(folder / HANDOUT)}
    assert (folder / HANDOUT).stat().st_size > 1000


def test_your_own_plan_can_be_printed_with_your_own_exercise(
    qtbot, window, store, tmp_path, monkeypatch
) -> None:
    store.workouts.add_user_exercise("Hip Thrust")
    items = (
        PlanItem("glute-bridge", IntRange(2, 3), IntRange(8, 10), False, IntRange(30, 30)),
        PlanItem(
            "user:Hip Thrust", IntRange(2, 2), IntRange(10, 10), False, IntRange(60, 60), None, 1,
            "Pause at the top",
        ),
    )  # fmt: skip
    window.plan_book.save(Plan("", "Hotel legs", "Two moves, no machines", items, "user"))
    dialogs = Dialogs(monkeypatch, "Hotel legs")
    dialogs.save_as = tmp_path / "mine.pdf"
    save_pdf(window)
    assert dialogs.offered[:4] == [p.name for p in window.library.plans.values()]
    assert dialogs.offered[4:] == ["Hotel legs"]
    text = " ".join(page_texts(tmp_path / "mine.pdf"))
    assert "Hotel legs" in text and "Two moves, no machines" in text
    assert "Glute bridge" in text
    assert "Hip Thrust" in text and "2 × 10, rest 60 s" in text
    assert "First 1 warm-up set at about half the load" in text
    assert "Pause at the top" in text
    assert "Your own exercise: Backleg has no pictures or cues for it." in text
    # Also through the print dialog: the same plan list.
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QPrintDialog.DialogCode.Rejected.value)
    dialogs.offered = []
    window.print_handout_action.trigger()
    assert "Hotel legs" in dialogs.offered


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_the_herniated_disc_mark_is_on_the_handout_after_a_yes(
    qtbot, window, tmp_path, monkeypatch, answer
) -> None:
    window.settings.setValue(DISC_KEY, answer)
    dialogs = Dialogs(monkeypatch, "Strength session")
    dialogs.save_as = tmp_path / "strength.pdf"
    save_pdf(window)
    text = " ".join(page_texts(tmp_path / "strength.pdf"))
    assert "Goblet squat" in text
    if answer == "no":
        assert "Herniated disc" not in text
        return
    # Each of the strength plan's marked moves, with why and the gentler choices.
    assert text.count(DISC_WORDS) == 2  # the goblet squat and the split-stance RDL
    assert "A weighted squat, and often kettlebell work too" in text
    assert "Gentler on a disc: Leg extension" in text


def test_a_pdf_that_cannot_be_written_is_told_and_leaves_nothing(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    dialogs = Dialogs(monkeypatch, "Quick add-on")
    dialogs.save_as = tmp_path / "gone" / "handout.pdf"
    save_pdf(window)
    assert len(dialogs.told) == 1 and "could not be written there" in dialogs.told[0]
    assert str(dialogs.save_as) in dialogs.told[0]
    assert not (tmp_path / "gone").exists()


def test_save_as_pdf_never_writes_over_the_history(qtbot, window, monkeypatch) -> None:
    history = window.data_dir / "backleg.sqlite3"
    before = history.read_bytes()
    dialogs = Dialogs(monkeypatch, "Quick add-on")
    dialogs.save_as = history  # ".pdf" is added: still one of Backleg's own names
    save_pdf(window)
    assert history.read_bytes() == before
    assert len(dialogs.told) == 1 and "one of Backleg's own files" in dialogs.told[0]
    assert not list(window.data_dir.glob("*.pdf*"))
