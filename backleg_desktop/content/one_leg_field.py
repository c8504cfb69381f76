"""The `one_leg_mode` field of exercises.toml: how a one-sided exercise is done.

"alternate" (legs take turns rep by rep) or "one-side-then-other"; the rules are in
domain.one_leg. A one-sided exercise without the field gets the default, what the
session has always done; a two-sided exercise must not have it.
"""

from __future__ import annotations

from backleg_desktop.content.field_reader import FieldReader
from backleg_desktop.domain.one_leg import (
    DEFAULT_ONE_LEG_MODE,
    ONE_LEG_MODES,
    OneLegMode,
    one_leg_mode_problem,
)

ONE_LEG_MODE_KEY = "one_leg_mode"


def read_one_leg_mode(f: FieldReader, one_sided: object) -> OneLegMode | None:
    """The exercise's mode (None for a two-sided one); problems go to `f`'s errors.

    `one_sided` is the raw field value. When it is not true/false the loader reports
    that, and the mode is not checked against it (that would only add a follow-on error).
    """
    value = f.text(ONE_LEG_MODE_KEY, required=False)
    if not isinstance(one_sided, bool):
        return None
    if not value:
        return DEFAULT_ONE_LEG_MODE if one_sided is True else None
    problem = one_leg_mode_problem(value, one_sided is True)
    if problem is not None:
        f.error(ONE_LEG_MODE_KEY, problem)
        return None
    return next(mode for mode in ONE_LEG_MODES if mode == value)
