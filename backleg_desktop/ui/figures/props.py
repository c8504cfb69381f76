"""The kit around a figure: mat, box, wall, benches and machines, and hand-held weights.

Static props (mat, box, wall, the frames of the machines) are drawn behind the body;
attached ones follow a joint in every frame (a kettlebell at the hands, the machine's
pad at the ankles) and are drawn on top. Positions are metres, like the figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from backleg_desktop.domain.figures import Point, Prop, direction

if TYPE_CHECKING:
    from backleg_desktop.ui.figures.painter import Frame, Tones

WALL_THICKNESS = 0.08
WALL_HEIGHT = 1.9
BENCH_PAD = 0.09  # thickness of a bench or seat pad
PAD_RADIUS = 0.06  # the roller pad of a machine lever
BELL_RADIUS = 0.09
PLATE_RADIUS = 0.07


def _model_rect(prop: Prop) -> QRectF | None:
    """The prop's box in model space (y up), for static props."""
    if prop.kind == "mat":
        return QRectF(prop.x, 0.0, prop.width or 1.8, 0.02)
    if prop.kind == "box":
        return QRectF(prop.x, 0.0, prop.width or 0.4, prop.height or 0.3)
    if prop.kind == "wall":
        return QRectF(prop.x - WALL_THICKNESS, 0.0, WALL_THICKNESS, prop.height or WALL_HEIGHT)
    if prop.kind in ("leg-curl-bench", "leg-extension-machine"):
        top = prop.y or 0.5
        return QRectF(prop.x, 0.0, prop.width or 0.5, top)
    return None


def static_props_bounds(props: Iterable[Prop]) -> QRectF:
    box = QRectF()
    for prop in props:
        rect = _model_rect(prop)
        if rect is not None:
            if prop.kind == "leg-extension-machine":
                rect = rect.adjusted(-0.2, 0, 0, prop.height or 0.6)
            box = box.united(rect)
    return box


def _device_rect(frame: Frame, x: float, y: float, width: float, height: float) -> QRectF:
    """A model rectangle (x, y the bottom-left corner, y up) on the device."""
    top_left = frame.map((x, y + height))
    return QRectF(top_left.x(), top_left.y(), frame.length(width), frame.length(height))


def static_props(painter: QPainter, frame: Frame, props: Iterable[Prop], tones: Tones) -> None:
    painter.save()
    edge = QPen(tones.prop_edge, max(1.0, frame.length(0.012)))
    edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(edge)
    painter.setBrush(tones.prop)
    for prop in props:
        if prop.kind == "mat":
            painter.drawRect(_device_rect(frame, prop.x, 0.0, prop.width or 1.8, 0.02))
        elif prop.kind == "box":
            painter.drawRoundedRect(
                _device_rect(frame, prop.x, 0.0, prop.width or 0.4, prop.height or 0.3),
                frame.length(0.02),
                frame.length(0.02),
            )
        elif prop.kind == "wall":
            painter.drawRect(
                _device_rect(
                    frame, prop.x - WALL_THICKNESS, 0.0, WALL_THICKNESS, prop.height or WALL_HEIGHT
                )
            )
        elif prop.kind in ("leg-curl-bench", "leg-extension-machine"):
            _bench(painter, frame, prop, tones)
    painter.restore()


def _bench(painter: QPainter, frame: Frame, prop: Prop, tones: Tones) -> None:
    top = prop.y or 0.5
    width = prop.width or 0.5
    post = QPen(tones.prop_edge, max(1.5, frame.length(0.04)))
    painter.save()
    painter.setPen(post)
    for x in (prop.x + 0.1, prop.x + width - 0.1):
        painter.drawLine(frame.map((x, 0.0)), frame.map((x, top - BENCH_PAD)))
    painter.restore()
    pad = _device_rect(frame, prop.x, top - BENCH_PAD, width, BENCH_PAD)
    painter.drawRoundedRect(pad, frame.length(0.03), frame.length(0.03))
    if prop.kind == "leg-extension-machine":
        # The backrest, tilted back a little, behind the seat.
        tilt = math.radians(12)
        height = prop.height or 0.6
        base = (prop.x + 0.02, top)
        tip = (base[0] - height * math.sin(tilt), top + height * math.cos(tilt))
        painter.save()
        painter.setPen(
            QPen(
                tones.prop,
                max(2.0, frame.length(0.09)),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
            )
        )
        painter.drawLine(frame.map(base), frame.map(tip))
        painter.restore()


def attached_props(
    painter: QPainter,
    frame: Frame,
    props: Iterable[Prop],
    joints: Mapping[str, Point],
    tones: Tones,
) -> None:
    painter.save()
    painter.setPen(QPen(tones.prop_edge, max(1.0, frame.length(0.012))))
    for prop in props:
        if prop.kind == "kettlebell":
            _kettlebell(painter, frame, joints, tones)
        elif prop.kind == "dumbbells":
            for side in ("far", "near"):
                painter.setBrush(tones.far if side == "far" else tones.body)
                painter.drawEllipse(
                    frame.map(joints[f"{side}_hand"]),
                    frame.length(PLATE_RADIUS),
                    frame.length(PLATE_RADIUS),
                )
        elif prop.kind in ("leg-curl-bench", "leg-extension-machine"):
            _lever(painter, frame, joints, tones, front=prop.kind == "leg-extension-machine")
    painter.restore()


def _kettlebell(painter: QPainter, frame: Frame, joints: Mapping[str, Point], tones: Tones) -> None:
    (nx, ny), (fx, fy) = joints["near_hand"], joints["far_hand"]
    hx, hy = (nx + fx) / 2, (ny + fy) / 2
    centre = (hx, hy - BELL_RADIUS * 0.9)  # the bell hangs just below the hands
    painter.setBrush(tones.body)
    radius = frame.length(BELL_RADIUS)
    painter.drawEllipse(frame.map(centre), radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.save()
    painter.setPen(QPen(tones.body, max(1.0, frame.length(0.02))))
    handle = frame.map((hx, hy + 0.02))
    painter.drawEllipse(handle, radius * 0.55, radius * 0.45)
    painter.restore()


def _lever(
    painter: QPainter,
    frame: Frame,
    joints: Mapping[str, Point],
    tones: Tones,
    *,
    front: bool,
) -> None:
    """The machine's lever: from the knee (its pivot) to a roller pad at the ankles,
    on the front of the shins for a leg extension and behind them for a leg curl."""
    knee, ankle = joints["near_knee"], joints["near_ankle"]
    shin = math.degrees(math.atan2(ankle[0] - knee[0], -(ankle[1] - knee[1])))
    nx, ny = direction(shin + (90.0 if front else -90.0))
    offset = PAD_RADIUS + 0.05
    pad = (
        ankle[0] - 0.04 * math.sin(math.radians(shin)) + nx * offset,
        ankle[1] + 0.04 * math.cos(math.radians(shin)) + ny * offset,
    )
    pivot = (knee[0] + nx * offset, knee[1] + ny * offset)
    painter.save()
    painter.setPen(
        QPen(
            tones.prop_edge,
            max(1.5, frame.length(0.035)),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
    )
    painter.drawLine(frame.map(pivot), frame.map(pad))
    painter.restore()
    painter.setBrush(tones.prop)
    radius = frame.length(PAD_RADIUS)
    painter.drawEllipse(QPointF(frame.map(pad)), radius, radius)
    painter.drawEllipse(QPointF(frame.map(pivot)), radius * 0.45, radius * 0.45)
