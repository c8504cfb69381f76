"""The interface of the loader's per-table field reader, for readers in their own modules.

content.loader's `Fields` satisfies it; new readers (the red-flag card, one-leg modes,
plans with timed holds) take it as a parameter instead of importing the loader, so they
do not depend on where the loader keeps that class.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # content.model imports the readers that use this Protocol
    from backleg_desktop.content.model import IntRange


class FieldReader(Protocol):
    table: Mapping[str, object]  # the TOML table being read
    where: str  # "plans.toml: plan "strength", item 2 (goblet-squat)"
    errors: list[str]

    def error(self, key: str, problem: str) -> None: ...
    def text(self, key: str, *, required: bool = True) -> str: ...
    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]: ...
    def ident(self, key: str = "id") -> str: ...
    def boolean(self, key: str, *, default: bool | None = None) -> bool: ...
    def int_pair(self, key: str) -> IntRange: ...
    def whole_number(self, key: str, *, default: int) -> int: ...
    def tables(self, key: str, *, required: bool = True) -> list[Mapping[str, object]]: ...
    def finish(self) -> None: ...


FieldsFactory = Callable[[Mapping[str, object], str, list[str]], FieldReader]
