"""The shipped content files load and say what the trainer's article says, in numbers."""

from __future__ import annotations

import pytest

from backleg_desktop import assets
from backleg_desktop.content.loader import load_library
from backleg_desktop.content.model import EQUIPMENT_TAGS, IntRange, Library

MAIN_IDS = ["leg-extension", "lying-leg-curl", "goblet-squat", "reverse-lunge", "split-stance-rdl"]
SUPPORTING_IDS = {
    "glute-bridge",
    "clamshell",
    "step-up",
    "bird-dog",
    "dead-bug",
    "modified-plank",
    "pelvic-tilt",
    "diaphragmatic-breathing",
    "box-squat",
    "wall-squat",
    "leg-press",
    "static-lunge",
    "bulgarian-split-squat",
    "single-leg-straight-leg-raise",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def r(low: int, high: int | None = None) -> IntRange:
    return IntRange(low, low if high is None else high)


def test_default_folder_is_the_bundled_content(library: Library) -> None:
    assert library == load_library(assets.content_dir())
    assert [name.rsplit("/", 1)[-1] for name in library.source_files] == [
        "exercises.toml",
        "plans.toml",
        "avoid.toml",
        "guidance.toml",
        "figures.toml",
        "disc.toml",
    ]


def test_the_five_main_exercises_come_first_in_order(library: Library) -> None:
    mains = [e.id for e in library.exercises.values() if e.role == "main"]
    assert mains == MAIN_IDS
    assert list(library.exercises)[:5] == MAIN_IDS


def test_only_lunge_and_rdl_are_one_sided_among_the_main_exercises(library: Library) -> None:
    one_sided = {i for i in MAIN_IDS if library.exercise(i).one_sided}
    assert one_sided == {"reverse-lunge", "split-stance-rdl"}


@pytest.mark.parametrize("exercise_id", MAIN_IDS)
def test_main_exercises_have_a_full_coaching_card(library: Library, exercise_id: str) -> None:
    exercise = library.exercise(exercise_id)
    assert len(exercise.cues) >= 4
    assert exercise.easier_options
    assert len(exercise.warning_signs) >= 2
    assert any("sharp pain" in sign.lower() for sign in exercise.warning_signs)
    assert exercise.target_muscles and exercise.equipment and exercise.why_back_friendly
    assert exercise.related
    # One step per cue: a cue is one or two sentences, not a paragraph.
    assert all(cue.count(". ") <= 1 for cue in exercise.cues)


def test_cue_counts_follow_every_step_of_the_article(library: Library) -> None:
    counts = {i: len(library.exercise(i).cues) for i in MAIN_IDS}
    assert counts == {
        "leg-extension": 4,
        "lying-leg-curl": 6,
        "goblet-squat": 5,
        "reverse-lunge": 6,
        "split-stance-rdl": 7,
    }


@pytest.mark.parametrize(
    ("exercise_id", "words"),
    [
        ("leg-extension", ["backrest", "single-leg straight-leg raises"]),
        ("lying-leg-curl", ["take some weight off"]),
        ("goblet-squat", ["weight plates", "bodyweight only"]),
        ("reverse-lunge", ["bodyweight", "partway"]),
        ("split-stance-rdl", ["lighter dumbbells", "wall", "single dumbbell"]),
    ],
)
def test_easier_options_include_the_articles_adjustments(
    library: Library, exercise_id: str, words: list[str]
) -> None:
    text = " ".join(library.exercise(exercise_id).easier_options).lower()
    for word in words:
        assert word.lower() in text


def test_leg_curl_warns_about_hips_lifting_and_the_back_joining_in(library: Library) -> None:
    signs = " ".join(library.exercise("lying-leg-curl").warning_signs).lower()
    assert "hips rise off the bench" in signs
    assert "lower back" in signs


def test_supporting_moves_are_short_and_complete(library: Library) -> None:
    supporting = {e.id: e for e in library.exercises.values() if e.role == "supporting"}
    assert set(supporting) == SUPPORTING_IDS
    for exercise in supporting.values():
        assert 3 <= len(exercise.cues) <= 5, exercise.id
        assert exercise.target_muscles and exercise.equipment, exercise.id
    one_sided = {i for i, e in supporting.items() if e.one_sided}
    assert one_sided == {
        "clamshell",
        "step-up",
        "static-lunge",
        "bulgarian-split-squat",
        "single-leg-straight-leg-raise",
    }


def test_single_leg_raise_is_fine_but_double_leg_raises_are_avoided(library: Library) -> None:
    raise_ = library.exercise("single-leg-straight-leg-raise")
    assert "leg-extension" in raise_.related
    assert "single-leg-straight-leg-raise" in library.exercise("leg-extension").related
    assert "double leg raises" in raise_.note.lower()
    assert "fine" in raise_.note.lower()

    avoided = next(c for c in library.avoid if c.id == "sit-ups-and-leg-raises")
    assert any("double leg raises" in example.lower() for example in avoided.examples)
    assert "single straight leg" in avoided.instead.lower()
    assert "is fine" in avoided.instead.lower()


STRENGTH = [
    ("leg-extension", r(3), r(12, 15), False, r(45, 60)),
    ("goblet-squat", r(3), r(8, 10), False, r(60, 75)),
    ("lying-leg-curl", r(3), r(10, 12), False, r(60, 90)),
    ("reverse-lunge", r(2, 3), r(8), True, r(60, 75)),
    ("split-stance-rdl", r(2), r(8, 10), True, r(60)),
]
QUICK_ADD_ON = [
    ("leg-extension", r(2), r(12, 15), False, r(30, 45)),
    ("goblet-squat", r(2), r(8, 10), False, r(45, 60)),
    ("split-stance-rdl", r(2), r(6, 8), True, r(60)),
]


@pytest.mark.parametrize(
    ("plan_id", "name", "expected"),
    [("strength", "Strength session", STRENGTH), ("quick-add-on", "Quick add-on", QUICK_ADD_ON)],
)
def test_plans_match_the_articles_tables_exactly(
    library: Library, plan_id: str, name: str, expected: list[tuple[object, ...]]
) -> None:
    plan = library.plan(plan_id)
    assert plan.name == name
    actual = [(i.exercise_id, i.sets, i.reps, i.per_leg, i.rest_seconds) for i in plan.items]
    assert actual == expected


def test_plans_come_strength_first_and_say_what_they_are_for(library: Library) -> None:
    assert list(library.plans) == ["strength", "quick-add-on", "gentle-day"]
    assert "on its own" in library.plan("strength").summary
    add_on = library.plan("quick-add-on").summary.lower()
    assert all(word in add_on for word in ("walking", "cycling", "yoga"))


def test_avoid_categories_offer_the_articles_swaps(library: Library) -> None:
    swaps = {c.id: c.swaps for c in library.avoid}
    assert swaps == {
        "loaded-twisting": ("reverse-lunge", "glute-bridge", "split-stance-rdl"),
        "sit-ups-and-leg-raises": ("bird-dog", "dead-bug", "modified-plank"),
        "crunches": ("pelvic-tilt", "diaphragmatic-breathing", "modified-plank"),
        "heavy-barbell-lifts": (
            "goblet-squat",
            "box-squat",
            "wall-squat",
            "leg-press",
            "glute-bridge",
            "step-up",
        ),
        "high-impact-plyometrics": ("glute-bridge", "step-up", "leg-press"),
    }
    for category in library.avoid:
        assert category.examples and category.why and category.instead


def test_every_pain_level_gets_exactly_one_sensible_band(library: Library) -> None:
    bands = [library.pain_band(level) for level in range(11)]
    assert [b.title for b in bands] == ["Low pain"] * 4 + ["Moderate pain"] * 3 + ["High pain"] * 4
    low, moderate, high = library.guidance.pain_bands
    assert (low.suggest_plan, low.recommend_stop) == (None, False)
    assert (moderate.suggest_plan, moderate.recommend_stop) == ("quick-add-on", False)
    assert (high.suggest_plan, high.recommend_stop) == ("gentle-day", True)  # issue 11
    assert "rest" in high.advice.lower() and "Gentle day" in high.advice
    with pytest.raises(KeyError):
        library.pain_band(11)


def test_guidance_covers_flare_ups_faq_disclaimer_and_sharp_pain(library: Library) -> None:
    guidance = library.guidance
    assert len(guidance.flare_up) >= 3
    assert any("yoga" in " ".join(s.paragraphs) for s in guidance.flare_up)
    faq = {s.id: s for s in guidance.faq}
    assert set(faq) == {
        "faq-train-legs-with-back-pain",
        "faq-best-exercises",
        "faq-squats",
        "faq-herniated-disc",
        "faq-what-to-avoid",
    }
    assert all(s.title.endswith("?") and s.related for s in faq.values())
    disc = " ".join(faq["faq-herniated-disc"].paragraphs).lower()
    for phrase in ("physical therapist", "romanian deadlifts", "weighted squats", "kettlebell"):
        assert phrase in disc
    assert "stop" in guidance.sharp_pain.lower()
    assert "not replace" in guidance.disclaimer and "risk" in guidance.disclaimer


def test_the_library_cannot_be_changed_by_accident(library: Library) -> None:
    with pytest.raises(TypeError):
        library.exercises["new"] = library.exercise("goblet-squat")  # type: ignore[index]


def test_every_exercise_is_tagged_from_the_equipment_vocabulary(library: Library) -> None:
    for exercise in library.exercises.values():
        assert exercise.equipment_tags, exercise.id
        assert set(exercise.equipment_tags) <= set(EQUIPMENT_TAGS), exercise.id
    used = {tag for e in library.exercises.values() for tag in e.equipment_tags}
    assert used == set(EQUIPMENT_TAGS), "a tag nobody uses would be an empty filter entry"


def tagged(library: Library, tag: str) -> set[str]:
    return {e.id for e in library.exercises.values() if tag in e.equipment_tags}


def test_moves_that_take_optional_dumbbells_are_tagged_both_ways(library: Library) -> None:
    loadable = {
        "reverse-lunge",
        "step-up",
        "static-lunge",
        "bulgarian-split-squat",
        "box-squat",
    }
    assert loadable <= tagged(library, "Dumbbell")
    assert loadable <= tagged(library, "Bodyweight")
    assert {"goblet-squat", "split-stance-rdl"} <= tagged(library, "Dumbbell")
    assert tagged(library, "Kettlebell") == {"goblet-squat"}
    assert tagged(library, "Machine") == {"leg-extension", "lying-leg-curl", "leg-press"}
    assert not tagged(library, "Machine") & tagged(library, "Bodyweight")


def test_the_easier_plan_is_the_one_the_pain_check_in_offers() -> None:
    library = load_library()
    easier = library.easier_plan()
    assert easier is not None and easier.id == "quick-add-on"
    assert library.easier_plan(instead_of="strength") is easier
    # Issue 11: after the quick add-on comes the gentle day, and nothing after that.
    assert library.easier_plan(instead_of="quick-add-on") is library.plan("gentle-day")
    assert library.easier_plan(instead_of="gentle-day") is None
