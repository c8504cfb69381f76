"""The summary's caution: a stop for sharp pain, or pain that climbed 3 or more points.

Pure Python. When a caution applies, the summary shows it with the article's advice
(stop; if the pain stays or keeps coming back, get it checked) and shows no "records
beaten" cheer: celebrating a session that hurt would say the opposite of the advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from backleg_desktop.domain.checkin import HIGH_FROM

CAUTION_RISE_POINTS = 3


@dataclass(frozen=True)
class SessionCaution:
    title: str
    text: str
    show_red_flags: bool  # link the red-flag card (always after a stop for sharp pain)


def session_caution(
    pain_before: int | None, pain_after: int | None, *, stopped_for_sharp_pain: bool
) -> SessionCaution | None:
    """The caution for a finished or stopped session, or None if none applies."""
    if stopped_for_sharp_pain:
        return SessionCaution(
            "You stopped for sharp pain",
            "Stopping was the right call. Leave training for today and rest. If the pain "
            "does not settle, or it keeps coming back, get it checked by a doctor or "
            "physical therapist before your next session.",
            show_red_flags=True,
        )
    if pain_before is None or pain_after is None:
        return None
    if pain_after - pain_before < CAUTION_RISE_POINTS:
        return None
    return SessionCaution(
        "Your pain went up",
        f"Your pain went from {pain_before} to {pain_after} over this session. Stop for "
        "today. If it stays up or keeps returning, get it checked by a doctor or "
        "physical therapist before you train again.",
        show_red_flags=pain_after >= HIGH_FROM,
    )


def cheer_records(caution: SessionCaution | None) -> bool:
    """Whether the summary may celebrate records beaten: never next to a caution."""
    return caution is None
