"""`backleg handout PLAN_ID OUT.pdf` and File → Print handout…: read the PDF back."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from backleg_desktop.content.loader import load_library
from backleg_desktop.ui.handout import dose_text

LIBRARY = load_library()


def page_texts(path: Path) -> list[str]:
    """Each page's text with whitespace runs as one space and ligatures spelt out."""
    texts = []
    for page in PdfReader(str(path)).pages:
        text = unicodedata.normalize("NFKC", page.extract_text())  # "ﬀ" back to "ff"
        text = re.sub(r"-\s+", "-", text)  # a line broken after "hip-" reads "hip-width"
        texts.append(re.sub(r"\s+", " ", text))
    return texts


def run_cli(
    *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # no display either
    env.pop("DISPLAY", None)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "backleg_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.mark.parametrize("plan_id", ["strength", "quick-add-on"])
def test_the_handout_has_every_exercise_its_numbers_and_a_cue(tmp_path: Path, plan_id: str) -> None:
    out = tmp_path / f"{plan_id}.pdf"
    done = run_cli(
        "--data-dir",
        str(tmp_path / "d"),
        "handout",
        plan_id,
        str(out),
        env_extra={"LANG": "en_GB.UTF-8"},
    )
    assert done.returncode == 0, done.stderr
    assert f"to {out}" in done.stdout
    plan = LIBRARY.plan(plan_id)
    pages = page_texts(out)
    text = " ".join(pages)
    positions = []
    for item in plan.items:
        exercise = LIBRARY.exercise(item.exercise_id)
        assert exercise.name in text
        positions.append(text.index(exercise.name))
        assert dose_text(item) in text, dose_text(item)
        assert exercise.cues[0] in text
        assert exercise.easier_options[0] in text
        assert exercise.warning_signs[0] in text
    assert positions == sorted(positions)  # in the plan's order
    for page in pages:  # the plan's name and the disclaimer on every page
        assert plan.name in page
        assert LIBRARY.guidance.disclaimer in page


def test_the_dose_reads_as_the_plan_gives_it() -> None:
    lunge = LIBRARY.plan("strength").items[3]
    assert dose_text(lunge) == "2–3 × 8 per leg, rest 60–75 s"
    breathing = LIBRARY.plan("gentle-day").items[0]
    assert dose_text(breathing) == "2 × 60 s hold, rest 20 s"


def test_an_unknown_plan_is_named_and_fails(tmp_path: Path) -> None:
    done = run_cli(
        "--data-dir", str(tmp_path / "d"), "handout", "legs-day", str(tmp_path / "x.pdf")
    )
    assert done.returncode == 1
    assert (
        "there is no plan 'legs-day' (plans: strength, quick-add-on, gentle-day, home-bodyweight)"
        in (done.stderr)
    )
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("platform", ["xcb", "wayland"])
def test_a_desktop_platform_in_the_environment_does_not_stop_the_handout(
    tmp_path: Path, platform: str
) -> None:
    """Desktops often export QT_QPA_PLATFORM; over ssh or from cron there is no display,
    and the handout used to abort in Qt (exit 134) instead of drawing offscreen."""
    out = tmp_path / "h.pdf"
    done = run_cli("handout", "strength", str(out), env_extra={"QT_QPA_PLATFORM": platform})
    assert done.returncode == 0, done.stderr
    assert len(PdfReader(str(out)).pages) == 2


@pytest.mark.parametrize("target", ["backleg.sqlite3", "link.pdf", "backups/x.pdf"])
def test_the_handout_never_writes_over_the_history(tmp_path: Path, target: str) -> None:
    """`backleg handout strength <the history>` used to replace the history with a PDF."""
    data = tmp_path / "data"
    assert run_cli("--data-dir", str(data), "export", str(tmp_path / "h.csv")).returncode == 0
    history = data / "backleg.sqlite3"
    before = history.read_bytes()
    assert before.startswith(b"SQLite format 3")
    (data / "backups").mkdir(exist_ok=True)
    (data / "link.pdf").symlink_to(history)  # a link to the history is the history
    out = data / target
    done = run_cli("--data-dir", str(data), "handout", "strength", str(out))
    assert done.returncode == 1
    assert f"{out} is one of Backleg's own files" in done.stderr
    assert "Traceback" not in done.stderr
    assert history.read_bytes() == before
    assert not (data / "backups" / "x.pdf").exists()


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "x.pdf"
    done = run_cli("handout", "strength", str(out))
    assert done.returncode == 1
    assert f"{out}: the folder {out.parent} does not exist" in done.stderr


def test_help_lists_the_handout_command() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    assert "handout" in done.stdout


def test_the_page_size_follows_the_locale(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from backleg_desktop.ui.handout import page_size_for

    assert page_size_for(QLocale("en_US")).id() == QPageSize.PageSizeId.Letter
    assert page_size_for(QLocale("en_GB")).id() == QPageSize.PageSizeId.A4
    assert page_size_for(QLocale("de_DE")).id() == QPageSize.PageSizeId.A4
