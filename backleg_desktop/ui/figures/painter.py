"""Draw a figure (domain/figures.py) and its kit with QPainter, in palette colours only.

The same function draws the card stills, the animations and the printed handout, so
what a user sees on screen is what they get on paper. Sizes come from the target
rectangle, so it reads at any size and at 200 % scaling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from backleg_desktop.domain.figures import HEAD_RADIUS, Figure, Point, Pose
from backleg_desktop.ui.figures.props import attached_props, static_props, static_props_bounds

# Limb thickness as a share of the body's height, so small stills stay legible.
LIMB_WIDTH = 0.05
TRUNK_WIDTH = 0.075
MARGIN = 0.06  # share of the target rectangle left free around the figure

NEUTRAL_POSE = Pose(angles={}, anchor="near_heel", at=(0.0, 0.0))


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0–1) of the way towards `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


@dataclass(frozen=True)
class Tones:
    """The colours of one drawing, taken from a palette."""

    body: QColor
    far: QColor  # the limbs on the far side, lighter so the near ones read in front
    working: QColor  # the leg that works in a one-leg move
    working_far: QColor
    prop: QColor
    prop_edge: QColor
    floor: QColor

    @classmethod
    def of(cls, palette: QPalette, *, muted: bool = False) -> Tones:
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        mid = palette.color(QPalette.ColorRole.Mid)
        accent = palette.color(QPalette.ColorRole.Highlight)
        body = mix(text, base, 0.55) if muted else text
        return cls(
            body=body,
            far=mix(body, base, 0.5),
            working=accent,
            working_far=mix(accent, base, 0.35),
            prop=mix(mid, base, 0.45),
            prop_edge=mid,
            floor=mid,
        )


class Frame:
    """Maps the model's metres (y up) into a rectangle on the device (y down)."""

    def __init__(self, bounds: QRectF, target: QRectF) -> None:
        margin = MARGIN * min(target.width(), target.height())
        area = target.adjusted(margin, margin, -margin, -margin)
        self.scale = min(area.width() / bounds.width(), area.height() / bounds.height())
        self._cx, self._cy = area.center().x(), area.center().y()
        self._bx, self._by = bounds.center().x(), bounds.center().y()
        self.floor_y = self.map((0.0, 0.0)).y()

    def map(self, point: Point) -> QPointF:
        return QPointF(
            self._cx + (point[0] - self._bx) * self.scale,
            self._cy - (point[1] - self._by) * self.scale,
        )

    def length(self, metres: float) -> float:
        return metres * self.scale


def figure_bounds(figure: Figure | None) -> QRectF:
    """The model-space box (y up, so `top()` is the lowest y) every frame of `figure` fits."""
    poses = [f.pose for f in figure.frames] if figure else [NEUTRAL_POSE]
    xs: list[float] = []
    ys: list[float] = [0.0]  # the floor is always in the picture
    for pose in poses:
        for x, y in pose.joints().values():
            xs.append(x)
            ys.append(y)
        hx, hy = pose.joints()["head"]
        xs += [hx - HEAD_RADIUS, hx + HEAD_RADIUS]
        ys += [hy + HEAD_RADIUS]
    box = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
    if figure is not None:
        box = box.united(static_props_bounds(figure.props))
    # Room for the hand-held weights, the pads and line widths; never a degenerate box.
    pad = 0.12
    return box.adjusted(-pad, -0.02, pad, pad)


def paint_figure(
    painter: QPainter,
    target: QRectF,
    palette: QPalette,
    figure: Figure | None,
    pose: Pose | None = None,
    *,
    bounds: QRectF | None = None,
) -> None:
    """Draw `figure` in `pose` (default: its turning point) to fit `target`.

    `figure` None draws the neutral placeholder: a plain standing figure in muted tones.
    Pass the same `bounds` for every frame of an animation so the figure does not jump.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    tones = Tones.of(palette, muted=figure is None)
    if pose is None:
        pose = figure.turn_pose if figure else NEUTRAL_POSE
    frame = Frame(bounds or figure_bounds(figure), target)
    joints = pose.joints()
    props = figure.props if figure else ()
    working = figure.working if figure else "both"

    # The floor line spans the whole target, under everything.
    painter.setPen(_pen(tones.floor, max(1.0, frame.length(0.015))))
    painter.drawLine(
        QPointF(target.left() + 2, frame.floor_y), QPointF(target.right() - 2, frame.floor_y)
    )
    static_props(painter, frame, props, tones)
    width = frame.length(LIMB_WIDTH * 1.7)
    _limbs(painter, frame, joints, "far", tones, working, width)
    _trunk(painter, frame, joints, tones.body, frame.length(TRUNK_WIDTH * 1.7))
    _limbs(painter, frame, joints, "near", tones, working, width)
    attached_props(painter, frame, props, joints, tones)
    painter.restore()


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, max(1.0, width))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _polyline(painter: QPainter, frame: Frame, points: Iterable[Point]) -> None:
    mapped = [frame.map(p) for p in points]
    painter.drawPolyline(mapped)


def _limbs(
    painter: QPainter,
    frame: Frame,
    joints: Mapping[str, Point],
    side: str,
    tones: Tones,
    working: str,
    width: float,
) -> None:
    plain = tones.body if side == "near" else tones.far
    leg = plain
    if working == side:
        leg = tones.working if side == "near" else tones.working_far
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(plain, width * 0.85))
    _polyline(painter, frame, [joints["shoulder"], joints[f"{side}_elbow"], joints[f"{side}_hand"]])
    painter.setPen(_pen(leg, width))
    _polyline(
        painter,
        frame,
        [
            joints["pelvis"],
            joints[f"{side}_knee"],
            joints[f"{side}_ankle"],
            joints[f"{side}_heel"],
            joints[f"{side}_toe"],
            joints[f"{side}_ankle"],
        ],
    )


def _trunk(
    painter: QPainter, frame: Frame, joints: Mapping[str, Point], color: QColor, width: float
) -> None:
    painter.setPen(_pen(color, width))
    _polyline(painter, frame, [joints["pelvis"], joints["mid_back"], joints["shoulder"]])
    painter.setPen(_pen(color, width * 0.6))
    _polyline(painter, frame, [joints["shoulder"], joints["head"]])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(
        frame.map(joints["head"]), frame.length(HEAD_RADIUS), frame.length(HEAD_RADIUS)
    )
