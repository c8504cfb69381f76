"""The red-flag card in guidance.toml: symptoms that need a doctor now, not a workout.

Its text is general medical guidance that goes beyond the trainer's article, so the card
carries a note saying so, and the screens that show it (Guidance, the check-in at high
pain, the summary after a stop for sharp pain) show that note with it.

The reader takes the loader's field reader through a small Protocol, so this module does
not depend on where the loader keeps that class.
"""

from __future__ import annotations

from dataclasses import dataclass

from backleg_desktop.content.field_reader import FieldsFactory

RED_FLAGS_KEY = "red_flags"  # the top-level table in guidance.toml
RED_FLAGS_ID = "red-flags"  # the id links and tests use to find the card


@dataclass(frozen=True)
class RedFlagCard:
    id: str
    title: str  # "See a doctor straight away if…"
    intro: str
    signs: tuple[str, ...]  # one symptom each, shown as a list
    action: str  # what to do about them
    source_note: str  # says this is general medical guidance, beyond the article


def read_red_flags(
    value: object | None, fields: FieldsFactory, where: str, errors: list[str]
) -> RedFlagCard | None:
    """Read the `[red_flags]` table (`value`, None when absent and already reported).

    `fields` builds a field reader for one table (the loader passes its `Fields`), so
    problems are reported in the loader's format: file, entry and field.
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        errors.append(f'{where}: field "{RED_FLAGS_KEY}": must be a table ([{RED_FLAGS_KEY}])')
        return None
    f = fields(value, f"{where}: red-flag card", errors)
    card = RedFlagCard(
        id=f.ident(),
        title=f.text("title"),
        intro=f.text("intro"),
        signs=f.texts("signs"),
        action=f.text("action"),
        source_note=f.text("source_note"),
    )
    f.finish()
    return card
