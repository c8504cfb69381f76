"""Figures of a benchmark run and the one table they are printed as.

Every figure stands next to a baseline measured in the same run (the machine is shared and
noisy, so a ratio says more than a raw number), with the release target where an issue
gives one. A figure that could not be measured is kept, marked unavailable, with the reason.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal

PASS = "pass"
MISS = "MISS"
UNAVAILABLE = "n/a"


@dataclass(frozen=True)
class Target:
    """A release target: the figure's value (or its ratio to the baseline) is at most `limit`."""

    limit: float
    on: Literal["value", "ratio"] = "value"

    def describe(self, unit: str) -> str:
        if self.on == "ratio":
            return f"≤ {self.limit:g}×"
        return f"≤ {self.limit:g} {unit}"


@dataclass(frozen=True)
class Figure:
    section: str
    name: str
    value: float | None
    unit: str  # "ms", "s", "MiB" or "rows/s"
    baseline: float | None = None
    baseline_name: str = ""
    target: Target | None = None
    missing: str = ""  # why the figure is unavailable

    @property
    def ratio(self) -> float | None:
        """|value| / |baseline|: errors may be signed, the comparison is of their size."""
        if not _finite(self.value) or not _finite(self.baseline) or self.baseline == 0:
            return None
        assert self.value is not None and self.baseline is not None
        return abs(self.value) / abs(self.baseline)

    @property
    def verdict(self) -> str:
        """pass / MISS against the target, n/a when unmeasured, "" when there is no target."""
        if not _finite(self.value):
            return UNAVAILABLE
        if self.target is None:
            return ""
        measured = self.ratio if self.target.on == "ratio" else self.value
        if measured is None:
            return UNAVAILABLE
        return PASS if abs(measured) <= self.target.limit else MISS

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = self.value if _finite(self.value) else None
        data["target"] = asdict(self.target) if self.target else None
        data["ratio"] = self.ratio
        data["verdict"] = self.verdict
        return data


def unavailable(section: str, names: list[tuple[str, str]], reason: str) -> list[Figure]:
    """Placeholders for figures that could not be measured: (name, unit) pairs."""
    return [Figure(section, name, None, unit, missing=reason) for name, unit in names]


def format_value(value: float | None, unit: str) -> str:
    if not _finite(value):
        return "—"
    assert value is not None
    if unit == "ms":
        text = f"{value:.1f}" if abs(value) < 100 else f"{value:,.0f}"
    elif unit == "s":
        text = f"{value:.2f}"
    elif unit == "MiB":
        text = f"{value:.1f}"
    elif unit == "rows/s":
        text = f"{value:,.0f}"
    else:
        text = f"{value:g}"
    return f"{text} {unit}"


HEADINGS = ("Figure", "Backleg", "Baseline", "Baseline is", "Ratio", "Target", "Result")


def format_table(figures: list[Figure], *, title: str = "", notes: list[str] | None = None) -> str:
    """One plain-text table, grouped by section, then footnotes for unavailable figures."""
    rows: list[tuple[str, ...] | str] = []
    footnotes: list[str] = []
    section = None
    for figure in figures:
        if figure.section != section:
            section = figure.section
            rows.append(section)
        baseline, baseline_name = "", ""
        if _finite(figure.baseline):
            baseline = format_value(figure.baseline, figure.unit)
            baseline_name = figure.baseline_name
        ratio = figure.ratio
        verdict = figure.verdict
        if figure.missing:
            footnotes.append(f"[{len(footnotes) + 1}] {figure.name}: {figure.missing}")
            verdict = f"{verdict} [{len(footnotes)}]"
        rows.append(
            (
                f"  {figure.name}",
                format_value(figure.value, figure.unit),
                baseline,
                baseline_name,
                format_ratio(ratio),
                figure.target.describe(figure.unit) if figure.target else "",
                verdict,
            )
        )
    cells = [r for r in rows if isinstance(r, tuple)] + [HEADINGS]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADINGS))]

    def line(row: tuple[str, ...]) -> str:
        name, value, base, base_name, ratio, target, verdict = row
        return (
            f"{name:<{widths[0]}}  {value:>{widths[1]}}  {base:>{widths[2]}}  "
            f"{base_name:<{widths[3]}}  {ratio:>{widths[4]}}  {target:<{widths[5]}}  {verdict}"
        ).rstrip()

    rule = "-" * len(line(tuple("-" * w for w in widths)))
    out = [title, ""] if title else []
    out += [line(HEADINGS), rule]
    for row in rows:
        out.append(row if isinstance(row, str) else line(row))
    out.append(rule)
    out += footnotes
    out += notes or []
    return "\n".join(out)


def format_ratio(ratio: float | None) -> str:
    """Two significant figures below 0.1 (0.0051×), two decimals up to 10, then one."""
    if ratio is None:
        return ""
    if ratio < 0.1:
        return f"{ratio:.2g}×"
    return f"{ratio:.2f}×" if ratio < 10 else f"{ratio:,.1f}×"


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)
