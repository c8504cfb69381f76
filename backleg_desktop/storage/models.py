"""ORM models: the tables of backleg.sqlite3 at the newest migration.

Keep in step with migrations/versions: tests/storage/test_migrations.py compares a
database made from these models with one made by running every migration.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from backleg_desktop.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(
            "status IN ('in_progress', 'completed', 'ended_early', 'stopped_pain')", name="status"
        ),
        CheckConstraint("pain_before BETWEEN 0 AND 10", name="pain_before"),
        CheckConstraint("pain_after BETWEEN 0 AND 10", name="pain_after"),
        Index(None, "started_at"),
        Index(None, "status"),
        {"sqlite_autoincrement": True},  # ids are never reused, so undo can restore them
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20))
    pain_before: Mapped[int | None] = mapped_column(Integer)
    pain_after: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, server_default="")
    stop_exercise_id: Mapped[str | None] = mapped_column(String(200))
    stop_set_number: Mapped[int | None] = mapped_column(Integer)
    # An import's start time as its file wrote it, without a zone (Strong, Hevy, FitNotes).
    source_time: Mapped[str | None] = mapped_column(String(32))


class SetRow(Base):
    __tablename__ = "sets"
    __table_args__ = (
        CheckConstraint("side IN ('both', 'left', 'right')", name="side"),
        CheckConstraint("kind IN ('working', 'warmup', 'drop', 'failure')", name="kind"),
        CheckConstraint("reps >= 0", name="reps"),
        CheckConstraint("load_kg >= 0", name="load_kg"),
        CheckConstraint("set_number >= 1", name="set_number"),
        Index(None, "session_id", "exercise_id"),
        Index(None, "exercise_id", "session_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(200))
    set_number: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(10), server_default="both")
    kind: Mapped[str] = mapped_column(String(10), server_default="working")
    reps: Mapped[int | None] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float)
    duration_s: Mapped[float | None] = mapped_column(Float)
    rest_planned_s: Mapped[float | None] = mapped_column(Float)
    rest_taken_s: Mapped[float | None] = mapped_column(Float)
    completed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, server_default="")
    rpe: Mapped[float | None] = mapped_column(Float)  # 0-10, checked where values come in
    distance_m: Mapped[float | None] = mapped_column(Float)


class UserExerciseRow(Base):
    """An exercise that is not in the content library, e.g. from a Strong import."""

    __tablename__ = "user_exercises"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)


class UserPlanRow(Base):
    """A plan of the user's own; its items are JSON with the keys of a [[plan.item]]."""

    __tablename__ = "user_plans"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # "user-plan:<uuid>"
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)
    summary: Mapped[str] = mapped_column(Text, server_default="")
    items_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ExercisePainRow(Base):
    """ "How is your back?" after an exercise's last set: one answer per exercise."""

    __tablename__ = "exercise_pain"
    __table_args__ = (
        CheckConstraint("pain BETWEEN 0 AND 10", name="pain"),
        UniqueConstraint("session_id", "exercise_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(200))
    pain: Mapped[int] = mapped_column(Integer)
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SessionSwapRow(Base):
    """A plan item done as another exercise in one session: the herniated-disc swap, kept
    so a session resumed after a crash goes on with the exercise swapped in."""

    __tablename__ = "session_swaps"
    __table_args__ = (UniqueConstraint("session_id", "item_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    item_index: Mapped[int] = mapped_column(Integer)  # the plan item, from 0
    exercise_id: Mapped[str] = mapped_column(String(200))  # what is done instead
    bodyweight: Mapped[bool] = mapped_column(Boolean, server_default="0")  # with no load
