"""The mobility warm-up in guidance.toml: a few timed moves before the first set.

The article says to warm up with mobility work; which moves and for how long is Backleg's
suggestion, so the warm-up carries a note saying so and the warm-up screen shows it.
The moves are run as timed steps by domain.warm_up; nothing about them is stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from backleg_desktop.content.field_reader import FieldsFactory

WARM_UP_KEY = "warm_up"  # the top-level table in guidance.toml
MIN_MOVE_SECONDS = 5


@dataclass(frozen=True)
class WarmUpMove:
    name: str
    seconds: int
    how: str  # what to do, in a sentence or two


@dataclass(frozen=True)
class WarmUp:
    id: str
    title: str
    intro: str
    source_note: str  # says the moves are Backleg's suggestion, built on the article
    moves: tuple[WarmUpMove, ...]

    @property
    def total_seconds(self) -> int:
        return sum(move.seconds for move in self.moves)


def read_warm_up(
    value: object | None, fields: FieldsFactory, where: str, errors: list[str]
) -> WarmUp | None:
    """Read the `[warm_up]` table (`value`; None when absent: there is no warm-up).

    `fields` builds a field reader for one table (the loader passes its `Fields`), so
    problems are reported in the loader's format: file, entry and field.
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        errors.append(f'{where}: field "{WARM_UP_KEY}": must be a table ([{WARM_UP_KEY}])')
        return None
    f = fields(value, f"{where}: warm-up", errors)
    moves = []
    for index, table in enumerate(f.tables("move"), start=1):
        m = fields(table, f"{where}: warm-up move {index}", errors)
        seconds = m.int_range("seconds", minimum=MIN_MOVE_SECONDS)
        if not seconds.is_single:
            m.error("seconds", "must be one number of seconds, not a range")
        moves.append(WarmUpMove(name=m.text("name"), seconds=seconds.low, how=m.text("how")))
        m.finish()
    warm_up = WarmUp(
        id=f.ident(),
        title=f.text("title"),
        intro=f.text("intro"),
        source_note=f.text("source_note"),
        moves=tuple(moves),
    )
    f.finish()
    return warm_up
