"""Generate Backleg's bundled sounds with the standard library only.

    python packaging/make_sounds.py   # writes resources/sounds/rest-over.wav and countdown.wav

The rest-over chime is two soft bell-like notes (E5 then A5, a rising fourth), each a
sine with a little of its octave and twelfth, a 5 ms attack so it never clicks, and an
exponential decay. 16-bit mono at 44.1 kHz, 0.8 s: about 70 KB. The output is
deterministic, so regenerating it leaves git clean.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
LENGTH_S = 0.8
PEAK = 0.55  # of full scale: clear in a gym without being harsh
ATTACK_S = 0.005

# (start time s, frequency Hz, relative loudness, decay time constant s)
NOTES = ((0.0, 659.25, 1.0, 0.16), (0.2, 880.0, 1.0, 0.20))
PARTIALS = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.08))  # (multiple, weight): a bell-ish tone

OUTPUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "rest-over.wav"
# The countdown over a rest's last 3 s: one short, soft blip (C6, 80 ms) per second.
COUNTDOWN = OUTPUT.with_name("countdown.wav")
COUNTDOWN_HZ = 1046.5
COUNTDOWN_S = 0.08
COUNTDOWN_PEAK = 0.35


def chime_samples() -> list[float]:
    total = int(RATE * LENGTH_S)
    samples = [0.0] * total
    for start, freq, loudness, decay in NOTES:
        first = int(start * RATE)
        for i in range(first, total):
            t = (i - first) / RATE
            envelope = min(1.0, t / ATTACK_S) * math.exp(-t / decay)
            tone = sum(w * math.sin(2 * math.pi * freq * m * t) for m, w in PARTIALS)
            samples[i] += loudness * envelope * tone
    # Fade the last 30 ms to exact silence, then normalise to the chosen peak.
    fade = int(0.03 * RATE)
    for k in range(fade):
        samples[total - fade + k] *= 1 - (k + 1) / fade
    top = max(abs(s) for s in samples)
    return [PEAK * s / top for s in samples]


def write_wav(path: Path, samples: list[float]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def countdown_samples() -> list[float]:
    total = int(RATE * COUNTDOWN_S)
    samples = []
    for i in range(total):
        t = i / RATE
        envelope = min(1.0, t / ATTACK_S) * min(1.0, (COUNTDOWN_S - t) / 0.02)
        samples.append(COUNTDOWN_PEAK * envelope * math.sin(2 * math.pi * COUNTDOWN_HZ * t))
    return samples


def main() -> None:
    write_wav(OUTPUT, chime_samples())
    write_wav(COUNTDOWN, countdown_samples())
    for path in (OUTPUT, COUNTDOWN):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
