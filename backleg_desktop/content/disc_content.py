"""resources/content/disc.toml: the herniated-disc question and its two lists.

Read with the loader's field reader (see content.field_reader), so problems name the
file, entry and field like every other content problem. The loader reads it into
`Library.disc`; `load_disc` reads a file of the same shape on its own.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from backleg_desktop.content.field_reader import FieldReader, FieldsFactory
from backleg_desktop.domain.disc import DiscRules

DISC_FILE = "disc.toml"


@dataclass(frozen=True)
class DiscMove:
    exercise_id: str
    text: str  # why it needs the go-ahead, or how to do the safer choice
    bodyweight: bool = False  # a safer choice done with no added load


@dataclass(frozen=True)
class DiscContent:
    question: str
    clear_first_note: str  # the mark's text on a card, in a plan, in the session
    safer_intro: str
    clear_first: tuple[DiscMove, ...]
    safer: tuple[DiscMove, ...]

    @property
    def rules(self) -> DiscRules:
        return DiscRules(
            frozenset(m.exercise_id for m in self.clear_first),
            tuple(m.exercise_id for m in self.safer),
        )


def disc_path() -> Path:
    from backleg_desktop import assets

    return assets.content_dir() / DISC_FILE


def read_disc(f: FieldReader, fields: FieldsFactory) -> DiscContent:
    def moves(key: str, text_key: str) -> tuple[DiscMove, ...]:
        result = []
        for index, table in enumerate(f.tables(key), start=1):
            move = fields(table, f"{f.where}: {key} {index}", f.errors)
            exercise_id, text = move.ident("exercise"), move.text(text_key)
            bodyweight = key == "safer" and move.boolean("bodyweight", default=False)
            result.append(DiscMove(exercise_id, text, bodyweight))
            move.finish()
        return tuple(result)

    content = DiscContent(
        question=f.text("question"),
        clear_first_note=f.text("clear_first_note"),
        safer_intro=f.text("safer_intro"),
        clear_first=moves("clear_first", "why"),
        safer=moves("safer", "how"),
    )
    f.finish()
    return content


def load_disc(path: Path, exercises: Mapping[str, object], fields: FieldsFactory) -> DiscContent:
    """Read and check the file; raise ContentError listing every problem."""
    from backleg_desktop.content.loader import ContentError

    try:
        root = tomllib.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([f"{path.name}: cannot be read: {exc}"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError([f"{path.name}: invalid TOML: {exc}"]) from exc
    errors: list[str] = []
    content = disc_from_table(root, path.name, exercises, fields, errors)
    if errors:
        raise ContentError(errors)
    return content


def disc_from_table(
    root: Mapping[str, object],
    name: str,
    exercises: Mapping[str, object],
    fields: FieldsFactory,
    errors: list[str],
) -> DiscContent:
    """The content of a parsed file called `name`; its problems are added to `errors`."""
    content = read_disc(fields(root, name, errors), fields)
    for key, moves in (("clear_first", content.clear_first), ("safer", content.safer)):
        seen: set[str] = set()
        for index, move in enumerate(moves, start=1):
            where = f'{name}: {key} {index}: field "exercise"'
            if move.exercise_id and move.exercise_id not in exercises:
                errors.append(f'{where}: unknown exercise id "{move.exercise_id}"')
            if move.exercise_id in seen:
                errors.append(f'{where}: "{move.exercise_id}" is listed twice')
            seen.add(move.exercise_id)
    both = {m.exercise_id for m in content.clear_first} & {m.exercise_id for m in content.safer}
    for exercise_id in sorted(both - {""}):
        errors.append(f'{name}: "{exercise_id}" cannot be both clear_first and safer')
    return content
