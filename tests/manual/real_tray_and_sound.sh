#!/usr/bin/env bash
# Checks the session's tray icon and the rest-end chime for real, not through Qt objects:
# Xvfb as the X server, trayer as the system tray (XEmbed, _NET_SYSTEM_TRAY_S0), and a
# PulseAudio server with a null sink whose monitor parec records while the rest ends.
# Needs: xvfb trayer pulseaudio pulseaudio-utils (apt-get install ...). Not part of the
# test suite; prints figures and leaves a screenshot and the recording in $OUT.
#
#   tests/manual/real_tray_and_sound.sh [OUT_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
OUT="${1:-$(mktemp -d /tmp/backleg-tray-sound.XXXXXX)}"
mkdir -p "$OUT"
for tool in Xvfb trayer pulseaudio pactl parec; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
RUN="$(mktemp -d /tmp/backleg-pulse.XXXXXX)"
DISPLAY_NUM="${DISPLAY_NUM:-:87}"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$RUN"; }
trap cleanup EXIT

Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
pids+=($!)
sleep 1
DISPLAY="$DISPLAY_NUM" trayer --edge top --align right --widthtype request --height 28 \
    --SetDockType true --transparent false --tint 0x333333 >"$OUT/trayer.log" 2>&1 &
pids+=($!)

export XDG_RUNTIME_DIR="$RUN" PULSE_RUNTIME_PATH="$RUN/pulse" HOME="$RUN"
pulseaudio -n --daemonize=no --exit-idle-time=-1 --disallow-exit --log-target=stderr \
    --load="module-native-protocol-unix auth-anonymous=1 socket=$RUN/native" \
    --load="module-null-sink sink_name=backleg_null rate=44100 channels=2" \
    --load="module-always-sink" >"$OUT/pulse.log" 2>&1 &
pids+=($!)
export PULSE_SERVER="unix:$RUN/native"
for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl set-default-sink backleg_null
echo "pulse: $(pactl info | grep -E 'Server Name|Default Sink' | tr '\n' ' ')"

parec -d backleg_null.monitor --raw --format=s16le --rate=44100 --channels=2 \
    >"$OUT/recorded.raw" &
pids+=($!)
start_ns=$(date +%s%N)

DATA="$OUT/data"
mkdir -p "$DATA"
status=0
DISPLAY="$DISPLAY_NUM" QT_QPA_PLATFORM=xcb "$PY" "$HERE/check_tray_and_sound.py" "$DATA" \
    "$OUT/screen.png" 2>"$OUT/app.log" | while IFS= read -r line; do
        if [[ "$line" == MARK* ]]; then
            echo "$line at $(( ($(date +%s%N) - start_ns) / 1000000 )) ms"
        else
            echo "$line"
        fi
    done || status=$?
sleep 0.5
kill "${pids[-1]}" 2>/dev/null || true  # parec: the recording is complete

"$PY" - "$OUT/recorded.raw" <<'PYEOF'
import array, math, sys
samples = array.array("h", open(sys.argv[1], "rb").read())
rate = 44100 * 2  # interleaved stereo
seconds = len(samples) / rate
def stats(chunk):
    if not chunk:
        return 0.0, 0
    return math.sqrt(sum(s * s for s in chunk) / len(chunk)), max(abs(s) for s in chunk)
rms, peak = stats(samples)
loud = [i / rate for i in range(0, len(samples), rate // 20)
        if stats(samples[i:i + rate // 20])[1] > 300]
print(f"recorded {seconds:.2f} s, RMS {rms:.1f}, peak {peak} of 32767")
if loud:
    print(f"sound from {loud[0]:.2f} s to {loud[-1] + 0.05:.2f} s ({len(loud)} of 50 ms windows > 300)")
    before = samples[: int(loud[0] * rate)]
    print(f"before it: RMS {stats(before)[0]:.1f}, peak {stats(before)[1]} (silence)")
else:
    print("SILENT: no 50 ms window above 300")
    sys.exit(1)
PYEOF
echo "out: $OUT"
exit "$status"
