"""JSON objects that name a key twice. `json.load` keeps the last value without a word, so
a backup edited by hand to say `"reps": 12, "reps": 13` imported 13; such an object is
marked here, and the backup reader refuses it naming its place (`sessions[0].sets[2]`)."""

from __future__ import annotations


class Repeats(dict[str, object]):
    """An object with `repeated`, the first key it names twice."""

    repeated = ""


def object_of(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """`object_pairs_hook` for json.load: a plain dict, or a `Repeats` when a key repeats."""
    found = dict(pairs)
    if len(found) == len(pairs):
        return found
    seen: set[str] = set()
    marked = Repeats(found)
    for key, _ in pairs:
        if key in seen:
            marked.repeated = key
            break
        seen.add(key)
    return marked
