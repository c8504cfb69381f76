#!/usr/bin/env bash
# Start a built or installed Backleg without a user and check that it really works.
#
#   packaging/smoke.sh EXECUTABLE        e.g. dist/backleg/backleg or /usr/bin/backleg
#
# Uses the start-up hook in backleg_desktop/app.py: BACKLEG_BENCH_EXIT=history makes the
# app print "BENCH history <peak KiB>" and quit once the window was shown, the content
# loaded, the history store opened and the History page painted. A failed store open
# shows a modal dialog instead, so the timeout turns it into a failure. Three starts:
#   1. offscreen, new data folder: the history file is created at the newest schema;
#   2. offscreen, a history at the first schema revision: the bundled Alembic migrations
#      upgrade it (and leave the .pre-<revision> copy);
#   3. a real X11 window (the xcb plugin and its system libraries) under xvfb-run, when
#      xvfb-run is installed; skipped with a note otherwise.
# PYTHON (default build/venv/bin/python, made by build.sh) prepares and reads the files.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:?usage: packaging/smoke.sh EXECUTABLE}
python=${PYTHON:-build/venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

start() {  # start NAME DATA_DIR PLATFORM [LAUNCHER...]: run the app once, expect the hook's line
    local name=$1 data=$2 platform=$3
    shift 3
    local out=$work/$name.out rc=0
    "$@" env QT_QPA_PLATFORM="$platform" BACKLEG_BENCH_EXIT=history \
        timeout 90 "$exe" --data-dir "$data" >"$out" 2>&1 || rc=$?
    if [ "$rc" != 0 ] || ! grep -q '^BENCH history [0-9]' "$out"; then
        cat "$out" >&2
        fail "$name: exit code $rc, no 'BENCH history' line"
    fi
    echo "smoke: $name: window shown, history open ($(grep '^BENCH history' "$out"))"
}

revision_of() {  # the schema revision recorded in a data folder's history file
    "$python" - "$1/backleg.sqlite3" <<'PY'
import sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    print(db.execute("SELECT version_num FROM alembic_version").fetchone()[0])
PY
}

read -r first head < <("$python" -c \
    'from backleg_desktop.storage.schema import REVISIONS as r; print(r[0], r[-1])')

"$exe" --version | grep -x "backleg [0-9][0-9.]*" >/dev/null || fail "--version"

start offscreen-new "$work/new" offscreen
[ "$(revision_of "$work/new")" = "$head" ] || fail "new history is not at revision $head"

mkdir -m 700 "$work/old"
"$python" -c 'import sys; from pathlib import Path; from backleg_desktop.storage import schema
schema.upgrade(Path(sys.argv[1]), sys.argv[2])' "$work/old/backleg.sqlite3" "$first"
[ "$(revision_of "$work/old")" = "$first" ] || fail "could not prepare a revision $first file"
start offscreen-upgrade "$work/old" offscreen
[ "$(revision_of "$work/old")" = "$head" ] || fail "the migrations did not reach $head"
compgen -G "$work/old/backleg.sqlite3.pre-$head-*" >/dev/null || fail "no pre-upgrade copy"
echo "smoke: migrations ran: revision $first -> $head"

if command -v xvfb-run >/dev/null 2>&1; then
    start xcb-window "$work/x11" xcb xvfb-run -a -s "-screen 0 1280x800x24"
else
    echo "smoke: xvfb-run not installed; the X11 window start was skipped"
fi
echo "smoke: OK ($exe)"
