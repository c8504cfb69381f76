"""Reading CSV files row by row with physical line numbers, and spreadsheet-safe cells."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from backleg_desktop.services.errors import ImportFormatError
from backleg_desktop.services.transfer.values import CellError

T = TypeVar("T")

# Characters that make Excel, LibreOffice or Sheets treat a cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"  # the mark neutralise adds and restore removes
# One note should never be this long; the csv module's default limit is 128 KiB.
csv.field_size_limit(min(sys.maxsize, 1 << 20))


def neutralise(cell: str) -> str:
    """Prefix a quote to text a spreadsheet would run, and to text that starts with one."""
    if cell.startswith(_FORMULA_STARTS) or cell.startswith(ESCAPE):
        return ESCAPE + cell
    return cell


def restore(cell: str) -> str:
    """Undo `neutralise` exactly."""
    return cell[1:] if cell.startswith(ESCAPE) else cell


@contextmanager
def open_text(path: Path) -> Iterator[TextIO]:
    """Open a file as UTF-8 text (a BOM is skipped); unreadable files become ImportFormatError."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115
    except FileNotFoundError:
        raise ImportFormatError(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise ImportFormatError(str(path), None, "this is a folder, not a file") from None
    except OSError as error:
        raise ImportFormatError(
            str(path), None, f"cannot read the file ({error.strerror})"
        ) from None
    with handle:
        yield handle


@dataclass(frozen=True)
class Row:
    """One CSV record: its cells by column name and the physical line it starts on."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


class CsvRows:
    """Iterate the data rows of a CSV file as `Row`s, checking that each has as many cells as
    the header. Decoding and csv errors become ImportFormatError with the line number."""

    def __init__(self, path: Path, handle: TextIO, delimiter: str = ",") -> None:
        self.path = path
        self._reader = csv.reader(handle, delimiter=delimiter, strict=True)
        self.header: tuple[str, ...] = ()
        self._next_line = 1

    def error(self, line: int | None, reason: str) -> ImportFormatError:
        return ImportFormatError(str(self.path), line, reason)

    def _read(self) -> list[str] | None:
        line = self._reader.line_num + 1
        try:
            return next(self._reader)
        except StopIteration:
            return None
        except UnicodeDecodeError:
            raise self.error(line, "the file is not UTF-8 text; save it as 'CSV UTF-8'") from None
        except csv.Error as error:
            raise self.error(line, f"not valid CSV ({error})") from None
        finally:
            self._next_line = line

    def read_header(self) -> tuple[str, ...]:
        while True:
            cells = self._read()
            if cells is None:
                raise self.error(1, "the file is empty")
            if any(cell.strip() for cell in cells):
                self.header = tuple(cell.strip() for cell in cells)
                self._check_unique(self._next_line)
                return self.header

    def _check_unique(self, line: int) -> None:
        """Two columns with one name would leave the reader guessing which one is meant
        (a dict keeps the last); empty names are never read, so they may repeat."""
        seen: set[str] = set()
        for name in self.header:
            if name and name in seen:
                raise self.error(
                    line, f"the column {name!r} appears twice in the header; keep one of them"
                )
            seen.add(name)

    def rows(self) -> Iterator[Row]:
        width = len(self.header)
        while (cells := self._read()) is not None:
            if not "".join(cells).strip():
                continue  # blank lines (only spaces, or nothing), e.g. a trailing one
            if len(cells) != width:
                few = "few" if len(cells) < width else "many"
                raise self.error(
                    self._next_line,
                    f"too {few} fields: expected {width}, found {len(cells)}",
                )
            yield Row(self._next_line, dict(zip(self.header, cells, strict=True)))


def cell(rows: CsvRows, row: Row, column: str, parse: Callable[[str], T]) -> T:
    """Parse one cell, reporting a failure with the file, line and column."""
    try:
        return parse(row.get(column))
    except CellError as error:
        raise rows.error(row.line, f"{column}: {error}") from None
