"""The headless commands: `backleg export PATH`, `backleg import PATH`, `backleg backups`,
`backleg restore BACKUP`, `backleg handout PLAN_ID OUT.pdf` and `backleg plans export|import
PATH` (cli_plans.py).

No Qt is imported on this path (a test checks it), and the database is opened like any
other client, so export and import work while the app is open (SQLite WAL lets a reader
and a writer share the file; an import waits for the app's short writes to finish). Both
hold the data-folder lock shared (storage/lock.py), as the window does; `restore` takes it
exclusive, so it is refused while the window, an import or an export runs.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from backleg_desktop.content.loader import ContentError, load_library
from backleg_desktop.content.model import Library
from backleg_desktop.services.errors import BacklegError, DataDirError
from backleg_desktop.services.own_files import refuse_own_file

# Each command imports what it uses when it runs: the store's SQLAlchemy, the readers
# and the writers are most of a command's start-up, and an export needs neither the
# readers nor (for a healthy history) SQLAlchemy.
if TYPE_CHECKING:
    from backleg_desktop.domain.history import ImportedSession


def run(
    args: argparse.Namespace,
    data_dir: Path,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the subcommand in `args`; 0 on success, 1 with a message on stderr otherwise."""
    shown = _Output(out or sys.stdout)
    problems = _Output(err or sys.stderr or sys.stdout)  # `2>&-`: as print() does
    # Not for restore: it is one SQLite transaction a kill cannot split, and a SIGTERM
    # handled just after its commit would be reported as "nothing was changed".
    previous = _stop_like_ctrl_c() if args.command != "restore" else {}
    try:
        status = _run(args, data_dir, cast(TextIO, shown), cast(TextIO, problems))
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    failure = shown.failure
    if failure is None or failure.errno == errno.EPIPE:
        return status  # `| head`: the reader chose to stop reading; the work is done
    done = "finished" if status == 0 else "ended as reported above"
    print(
        f"backleg: its report could not be written to the standard output "
        f"({failure.strerror or failure}); the {args.command} itself {done}.",
        file=problems,
    )
    return 1


class _Output:
    """The standard output or error as the commands print to them. Writing to a closed pipe
    (`| head -0`) or a full disk (`> /dev/full`) used to raise after an import had been
    committed, reported as the import file's error; a file name the terminal's encoding
    cannot show (non-UTF-8 bytes) raised a traceback. Here the first failure is kept for
    `run` to report, and unshowable characters are written as escapes."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream  # None: Python's stream was closed at start (`>&-`)
        self.failure: OSError | None = None

    def write(self, text: str) -> int:
        if self._stream is None or self.failure is not None:
            return len(text)
        try:
            try:
                self._stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "utf-8"
                self._stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
            self._stream.flush()
        except OSError as error:
            self.failure = error
            _drop_unwritten(self._stream)
        return len(text)

    def flush(self) -> None:
        """Each write is flushed already."""


def _drop_unwritten(stream: TextIO) -> None:
    """Point the stream at /dev/null, so Python's flush at exit does not fail again on the
    text still buffered ("Exception ignored ... BrokenPipeError")."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def _run(args: argparse.Namespace, data_dir: Path, out: TextIO, err: TextIO) -> int:
    zone_problem = _local_zone_problem()
    if zone_problem:
        print(zone_problem, file=err)
        return 1
    try:
        library = load_library()
        if args.command == "export":
            return _export(Path(args.path), data_dir, library, out)
        if args.command == "import":
            return _import(args, data_dir, library, out)
        if args.command == "backups":
            return _list_backups(data_dir, out)
        if args.command == "restore":
            return _restore(Path(args.backup), data_dir, out, err)
        if args.command == "handout":
            return _handout(args.plan_id, Path(args.out), data_dir, library, out, err)
        if args.command == "plans":
            from backleg_desktop.cli_plans import plans_command  # the store, SQLAlchemy

            return plans_command(args.plans_command, Path(args.path), data_dir, library, out)
    except (BacklegError, ContentError) as error:
        print(error, file=err)
        return 1
    except KeyboardInterrupt as stop:
        # The import runs in one transaction and the export renames a finished file into
        # place, so stopping half-way leaves nothing half-written.
        print("Interrupted: nothing was changed.", file=err)
        return 128 + stop.args[0] if isinstance(stop, _Stopped) else 130
    except OSError as error:  # writing the export: a missing folder, no permission, disk full
        where = error.filename or getattr(args, "path", "")
        print(f"{where}: {error.strerror or error}", file=err)
        return 1
    print(f"backleg: unknown command {args.command!r}", file=err)
    return 2


def _local_zone_problem() -> str | None:
    """Local times (a Strong file's, today's backup name) need the local zone's offset;
    a TZ such as "UTC+99" gives one beyond a day, which Python refuses with a traceback
    in the middle of a command. Said first, before anything is read or written."""
    from datetime import datetime

    try:
        datetime.now().astimezone()
    except (ValueError, OverflowError, OSError):
        zone = os.environ.get("TZ")
        named = f"The time zone TZ={zone!r}" if zone is not None else "The system's time zone"
        return (
            f"backleg: {named} cannot be used: its offset from UTC is a day or more. Set TZ "
            "to a zone such as Europe/Berlin or UTC, or unset it; nothing was read or changed."
        )
    return None


class _Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (kill, timeout, a closed terminal), handled as Ctrl+C."""


def _raise_stopped(signum: int, _frame: object) -> None:
    raise _Stopped(signum)


def _stop_like_ctrl_c() -> dict[int, Any]:
    """Python's default for SIGTERM ends the process without running `finally`, so a
    pipe's temporary copy (reading.readable) stayed behind in the temp folder, and an
    export's hidden partial file (health data) beside the file it was to replace.
    Returns the handlers it replaced."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signum = getattr(signal, name)
                previous[signum] = signal.signal(signum, _raise_stopped)
    return previous


def _export(path: Path, data_dir: Path, library: Library, out: TextIO) -> int:
    from backleg_desktop.services.history_export import export_history
    from backleg_desktop.services.history_reader import (
        on_read_only_disk,
        open_frozen_reader,
        open_reader,
    )
    from backleg_desktop.services.transfer.writing import is_json_path

    refuse_own_file(path, data_dir, "the export")  # before the store opens anything
    # A healthy history is read with plain sqlite3; anything the store would have to
    # mend or mention first (a new, damaged or old file, a journal) goes through it.
    # (The JSON backup also carries plans and back answers: always through the store.)
    reader = None if is_json_path(path) else open_reader(data_dir) or open_frozen_reader(data_dir)
    if reader is None and is_json_path(path) and on_read_only_disk(data_dir):
        raise DataDirError(  # the store would say "your workouts could not be saved"
            f"Backleg's data folder {data_dir} is on a read-only disk, where only a CSV "
            "export works (backleg export history.csv). For the JSON backup, copy the whole "
            "folder to a writable disk and export from there (--data-dir COPY)."
        )
    if reader is not None:
        with reader:
            summary = export_history(reader, library, path)
    else:
        from backleg_desktop.services.store import open_store

        with open_store(data_dir, library, make_daily_backup=False) as store:
            for notice in store.notices:  # e.g. where a damaged history was set aside
                print(notice, file=out)
            summary = export_history(store.workouts, library, path)
    print(
        f"Exported {_plural(summary.sessions, 'session')} "
        f"({_plural(summary.sets, 'set')}) to {path}.",
        file=out,
    )
    return 0


class _Counted:
    """Counts what a reader yields, for the summary."""

    def __init__(self, sessions: Iterable[ImportedSession]) -> None:
        self._sessions = sessions
        self.sessions = 0
        self.sets = 0

    def __iter__(self) -> Iterator[ImportedSession]:
        for session in self._sessions:
            self.sessions += 1
            self.sets += len(session.sets)
            yield session


def _import(args: argparse.Namespace, data_dir: Path, library: Library, out: TextIO) -> int:
    from backleg_desktop.services.backup_plans import restore_backup_plans
    from backleg_desktop.services.store import open_store
    from backleg_desktop.services.transfer.formats import detect_format
    from backleg_desktop.services.transfer.reading import (
        read_sessions,
        readable,
        skipped_rows_text,
    )

    path = Path(args.path)
    with readable(path) as source:  # a pipe is read once, for detection and import
        fmt = detect_format(source)  # before opening the store: a wrong file changes nothing
        skipped: Counter[str] = Counter()
        read = _Counted(read_sessions(source, library, args.unit, fmt=fmt, skipped=skipped))
        # Today's backup, if not made yet, is taken before the import writes anything.
        with open_store(data_dir, library, make_daily_backup=not args.dry_run) as store:
            for notice in store.notices:
                print(notice, file=out)
            restore_backup_plans(store.workouts, source, dry_run=True)  # checked before
            summary = store.workouts.import_sessions(read, dry_run=args.dry_run)
            plans = [] if args.dry_run else restore_backup_plans(store.workouts, source)
    unit_note = ""
    if fmt.uses_unit_option:
        unit_note = f", weights read as {args.unit}"
    elif args.unit != "kg":
        unit_note = " (--unit ignored: the file gives its own unit)"
    lines = [
        f"Read {_plural(read.sessions, 'session')} and {_plural(read.sets, 'set')} from {path} "
        f"({fmt.label}{unit_note}).",
        f"{'Would add' if args.dry_run else 'Added'} {_plural(summary.sessions_added, 'session')}"
        f" and {_plural(summary.sets_added, 'set')}; "
        f"skipped {_plural(summary.duplicates_skipped, 'duplicate session')} "
        "(already in the history); "
        f"{'would create' if args.dry_run else 'created'} "
        f"{_plural(summary.user_exercises_created, 'user exercise')}.",
    ]
    if skipped:
        lines.append(skipped_rows_text(skipped))
    lines += [f'Plan "{name}": {outcome}.' for name, outcome in plans]
    if args.dry_run:
        lines.append("Dry run: nothing was written.")
    print("\n".join(lines), file=out)
    return 0


def _list_backups(data_dir: Path, out: TextIO) -> int:
    from backleg_desktop.services import backups
    from backleg_desktop.services.data_folder import check_data_dir

    check_data_dir(data_dir)
    found = backups.list_backups(data_dir)
    if not found:
        print(f"No backups yet in {backups.backups_dir(data_dir)}.", file=out)
    for info in found:
        line = f"{info.day.isoformat()}  {info.size_bytes / 1024:,.0f} KiB  {info.path}"
        if info.kept:
            line += "  (kept: the last good copy before a damaged file was set aside)"
        print(line, file=out)
    return 0


def _restore(backup: Path, data_dir: Path, out: TextIO, err: TextIO) -> int:
    from backleg_desktop.services import backups

    # Refused (FolderInUseError) while the window or an import holds the folder.
    kept = backups.restore_backup(data_dir, backup)
    print(f"Restored the history from {backup}.", file=out)
    if kept is not None:
        print(f"The history it replaced is kept at {kept}.", file=out)
    return 0


def _handout(
    plan_id: str, path: Path, data_dir: Path, library: Library, out: TextIO, err: TextIO
) -> int:
    from backleg_desktop.services.transfer.writing import refuse_to_replace

    refuse_own_file(path, data_dir, "the handout")
    plan = library.plans.get(plan_id)
    if plan is None:
        known = ", ".join(library.plans)
        print(f"backleg handout: there is no plan {plan_id!r} (plans: {known})", file=err)
        return 1
    if not path.parent.is_dir():
        print(f"{path}: the folder {path.parent} does not exist", file=err)
        return 1
    # Qt would open a FIFO and wait forever, or write through a link: refuse, as export does.
    refuse_to_replace(path)
    # No window and no display needed: always offscreen, even where the desktop exports
    # QT_QPA_PLATFORM=xcb or wayland (over ssh or from cron that would abort in Qt).
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The painting is Qt, so it lives in the ui layer and is loaded for this command only:
    # the other commands never import Qt.
    try:
        renderer = importlib.import_module("backleg_desktop.ui.handout")
    except ImportError as error:
        print(f"backleg handout: Qt could not be loaded to draw the PDF ({error})", file=err)
        return 1
    pages = renderer.write_pdf_headless(library, plan.id, path)
    if not _complete_pdf(path):
        # QPdfWriter reports no write error: a full disk left an empty file and "Wrote …".
        with contextlib.suppress(OSError):
            path.unlink()
        print(
            f"{path}: the handout could not be written completely (is the disk full?); "
            "nothing was kept.",
            file=err,
        )
        return 1
    print(f"Wrote the {plan.name} handout ({_plural(pages, 'page')}) to {path}.", file=out)
    return 0


def _complete_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as pdf:
            pdf.seek(max(0, os.fstat(pdf.fileno()).st_size - 1024))
            return b"%%EOF" in pdf.read()
    except OSError:
        return False


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
