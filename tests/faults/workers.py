"""Child processes for the fault tests: they write to a real history and report each
acknowledged write on stdout, one line each, so the test knows what must have survived.

    python -m tests.faults.workers sessions   # a fork server: one whole session per request
    python -m tests.faults.workers logger DATA_DIR STOP_FILE
    python -m tests.faults.workers queued DATA_DIR COUNT   # logs while the file is locked

The fork server imports SQLAlchemy and the store once and forks a fresh child for each
session, so 25 killed sessions cost milliseconds each instead of a Python start-up each.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from backleg_desktop.domain.history import SetEntry, Side
from tests.support.stores import open_test_store

PAIN_BEFORE = 3
PAIN_AFTER = 2
# (exercise, set number, side): a shortened strength session, both sides of a lunge.
SESSION_SETS: tuple[tuple[str, int, Side], ...] = (
    ("leg-extension", 1, "both"),
    ("leg-extension", 2, "both"),
    ("leg-extension", 3, "both"),
    ("goblet-squat", 1, "both"),
    ("goblet-squat", 2, "both"),
    ("reverse-lunge", 1, "left"),
    ("reverse-lunge", 1, "right"),
    ("reverse-lunge", 2, "left"),
    ("reverse-lunge", 2, "right"),
)


def say(line: str) -> None:
    # One write(2) of the whole line: atomic on a pipe (under PIPE_BUF), so a kill never
    # leaves half a line for the next one to run into. print() may write the text and
    # the newline separately.
    os.write(sys.stdout.fileno(), (line + "\n").encode())


def whole_session(data_dir: Path) -> None:
    """Start (with a pain check-in), log every set, record pain after, finish.

    Prints: "session <id>", "set <id> <exercise> <number> <side>" per set, "pain", "finished".
    """
    store = open_test_store(data_dir)
    w = store.workouts
    session = w.start_session("strength", pain_before=PAIN_BEFORE)
    say(f"session {session.id}")
    for exercise, number, side in SESSION_SETS:
        entry = SetEntry(exercise, number, side=side, reps=10, load_kg=20.0)
        logged = w.log_set(session.id, entry)
        say(f"set {logged.id} {exercise} {number} {side}")
    w.set_pain_after(session.id, PAIN_AFTER)
    say("pain")
    w.finish_session(session.id, pain_after=PAIN_AFTER)
    say("finished")


def serve_sessions() -> None:
    """Read "run <data dir>" or "reap <pid>" lines; answer "pid <pid>" or "reaped <pid>"."""
    say("ready")
    for request in sys.stdin:
        command, _, argument = request.strip().partition(" ")
        if command == "run":
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    whole_session(Path(argument))
                except BaseException:
                    say("error " + traceback.format_exc().replace("\n", " | "))
                    code = 1
                os._exit(code)  # no atexit handlers, no flushing of the server's buffers
            say(f"pid {pid}")
        elif command == "reap":
            os.waitpid(int(argument), 0)
            say(f"reaped {argument}")


def log_until_stopped(data_dir: Path, stop_file: Path) -> int:
    """Log sets 1, 2, 3… into one session until `stop_file` exists.

    Prints "session <id>", then "set <id> <number>" per set, then "done <count>"; any
    failure prints "error …" and exits 1.
    """
    try:
        store = open_test_store(data_dir)
        w = store.workouts
        session = w.start_session("strength", pain_before=PAIN_BEFORE)
        say(f"session {session.id}")
        number = 0
        while not stop_file.exists():
            number += 1
            logged = w.log_set(session.id, SetEntry("goblet-squat", number, reps=10, load_kg=16))
            say(f"set {logged.id} {number}")
        store.close()
    except Exception:
        say("error " + traceback.format_exc().replace("\n", " | "))
        return 1
    say(f"done {number}")
    return 0


def log_while_locked(data_dir: Path, count: int) -> None:
    """Log through the window's real recorder, opened as the window opens the store.

    Prints "session <id>" and "stored 1" (set 1, written at once), then waits for a line
    on stdin: the test holds the write lock by then. Sets 2..count are then kept, not
    written ("kept <n>" each, the moment the recorder returns), with a rest time for set 2
    and a correction of the last; then "waiting", and it sleeps until it is killed.
    """
    from backleg_desktop.domain.session_flow import RestTaken, SetKey
    from backleg_desktop.services.pending_writes import WINDOW_BUSY_TIMEOUT_MS
    from backleg_desktop.services.session_recorder import SessionRecorder
    from backleg_desktop.services.store import open_store
    from tests.support.library import minimal_library

    store = open_store(
        data_dir,
        minimal_library(),
        make_daily_backup=False,
        busy_timeout_ms=WINDOW_BUSY_TIMEOUT_MS,
    )
    recorder = SessionRecorder.start(store.workouts, "strength", PAIN_BEFORE)
    say(f"session {recorder.session_id}")
    assert recorder.log(SetEntry("goblet-squat", 1, reps=10, load_kg=16.0)) is not None
    say("stored 1")
    sys.stdin.readline()
    for number in range(2, count + 1):
        assert recorder.log(SetEntry("goblet-squat", number, reps=10, load_kg=16.0)) is None
        say(f"kept {number}")
        if number == 2:
            recorder.record_rest(RestTaken(SetKey("goblet-squat", 2, "both"), 90.0, 75.0, False))
    recorder.correct(SetKey("goblet-squat", count, "both"), reps=7, load_kg=14.0)
    assert recorder.pending.count == count + 1  # count - 1 sets, a rest time, a correction
    say("waiting")
    while True:
        time.sleep(60)


def main(argv: list[str]) -> int:
    if argv[:1] == ["sessions"]:
        serve_sessions()
        return 0
    if argv[:1] == ["queued"] and len(argv) == 3:
        log_while_locked(Path(argv[1]), int(argv[2]))
        return 0
    if argv[:1] == ["logger"] and len(argv) == 3:
        return log_until_stopped(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
