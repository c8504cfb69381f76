"""Swap the exercise coming up for another one mid-session: the herniated-disc offer.

A "yes" to the disc question offers, on the screen of a move to clear with a doctor first,
the article's safer choices; one key does the safer one instead. The plan item keeps its
sets and rest (so the session still counts "of 14" like History) and takes the reps the
plans give the safer exercise. Only before any set of that item is logged: half a goblet
squat and half a leg extension would be neither. No Qt here.

Each swap is stored as it is made (services/session_swaps.py), and a resumed session
gets its swaps back (`with_stored_swaps`): the exercise swapped in is still the one on
screen, and the swap is not offered again. A swap that cannot be stored (a full disk)
still holds for this run; only a resume would then show the plan as written.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from backleg_desktop.content.model import Library, Plan
from backleg_desktop.domain.session_flow import SessionFlow, Step
from backleg_desktop.domain.session_steps import RestChoice
from backleg_desktop.services.session_swaps import Swap

if TYPE_CHECKING:
    from backleg_desktop.services.session_controller import SessionController


def swapped_plan(library: Library, plan: Plan, item_index: int, exercise_id: str) -> Plan:
    """`plan` with item `item_index` done as `exercise_id`: same sets and rest, the reps
    (and per leg) of the first plan item for that exercise, this plan's first."""
    item = plan.items[item_index]
    model = next(
        (
            other
            for source in (plan, *library.plans.values())
            for other in source.items
            if other.exercise_id == exercise_id and other.reps is not None
        ),
        None,
    )
    one_sided = library.exercise(exercise_id).one_sided
    swapped = replace(
        item,
        exercise_id=exercise_id,
        reps=model.reps if model is not None else item.reps,
        per_leg=model.per_leg if model is not None else item.per_leg and one_sided,
        hold_seconds=None if model is not None else item.hold_seconds,
    )
    items = (*plan.items[:item_index], swapped, *plan.items[item_index + 1 :])
    return replace(plan, items=items)


def can_swap(controller: SessionController) -> bool:
    """Ready for a set of an item none of which is logged yet."""
    flow = controller.flow
    if flow is None or controller.recorder is None or flow.state != "ready":
        return False
    step = flow.current_step
    if step is None:
        return False
    return not any(
        s.item_index == step.item_index and flow.step_status(s.index) == "done" for s in flow.steps
    )


def with_stored_swaps(library: Library, plan: Plan, swaps: list[Swap]) -> Plan:
    """`plan` with the swaps stored for a session; one that no longer fits the plan (the
    plan was edited meanwhile, an exercise left the library) is left out."""
    for swap in swaps:
        if 0 <= swap.item_index < len(plan.items) and swap.exercise_id in library.exercises:
            plan = swapped_plan(library, plan, swap.item_index, swap.exercise_id)
    return plan


def swap_current_exercise(
    controller: SessionController,
    exercise_id: str,
    rest_choice: RestChoice,
    *,
    bodyweight: bool = False,
) -> Step | None:
    """Do `exercise_id` instead of the exercise coming up; its first step, or None when
    a swap is not possible now (nothing changes then). Stored for a resume; `bodyweight`:
    the offer said to do it with no load."""
    flow, plan, recorder = controller.flow, controller.plan, controller.recorder
    if not can_swap(controller) or flow is None or plan is None or recorder is None:
        return None
    step = flow.current_step
    if step is None or exercise_id not in controller.library.exercises:
        return None
    new_plan = swapped_plan(controller.library, plan, step.item_index, exercise_id)
    new_flow = SessionFlow(
        new_plan,
        controller.library,
        recorder.logged,
        rest_choice=rest_choice,
        ask_pain=False,
        clock=controller.clock,
        wall_clock=controller.wall_clock,
        on_rest_taken=controller._rest_taken,  # the controller's own flows do the same
    )
    start = next(s.index for s in new_flow.steps if s.item_index == step.item_index)
    # The new flow starts after the last set logged; what was skipped since is skipped again.
    while new_flow.current_step is not None and new_flow.current_step.index < start:
        new_flow.skip_set()
    first = new_flow.current_step
    if first is None or first.index != start:
        return None  # a later item was logged already: leave the session as it is
    new_flow.pain_before = flow.pain_before
    controller.plan, controller.flow = new_plan, new_flow
    swap = Swap(step.item_index, exercise_id, bodyweight)
    controller.swaps[step.item_index] = swap
    if controller.workouts is not None:  # a failure is told; the swap holds for this run
        controller._call(controller.workouts.record_swap, recorder.session_id, swap)
    return first
