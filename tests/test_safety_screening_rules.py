"""Tests of the screener's finer rules: typos, context, call-log labels, the sentence model and
the hygiene of the lexicon tables (the basics are in test_safety_screening.py)."""

from __future__ import annotations

import pytest

from medinfo.safety.screening import screen
from medinfo.safety.screening.rules import LEXICONS, speller
from tests.screening_data import SS


@pytest.mark.parametrize(
    ("language", "text", "typo"),
    [
        ("en", "my husband keeps getting pins and needels in his feet", "needels"),
        ("en", "she has had tinitus for a week since the dose went up", "tinitus"),
        ("en", "Her bloods came back with low platlets on the new tablets.", "platlets"),
        ("fr", "Il a des fourmilements dans les mains depuis hier.", "fourmilements"),
    ],
)
def test_one_letter_typos_are_tolerated_and_offsets_stay_exact(
    language: str, text: str, typo: str
) -> None:
    result = screen(text, language)
    assert result.reportable
    assert all(text[f.start : f.end] == f.text for f in result.flags)
    start = text.index(typo)
    assert any(f.start <= start < f.end for f in result.flags)


def test_short_or_first_letter_changes_are_not_corrected(monkeypatch: pytest.MonkeyPatch) -> None:
    # "painting" is one edit from "fainting" but differs in its first letter. The rules alone
    # are asked: the sentence model, which reads whole sentences, gives this off-topic one
    # (a person, a time of day) 0.86 — a known limit of a model trained on desk sentences only.
    from medinfo.safety.screening import screener

    assert speller((LEXICONS["en"],)).fix("painting") is None
    monkeypatch.setattr(screener, "load_model", lambda: None)
    assert not screen("She enjoys painting in the afternoon.", "en").reportable


def test_an_added_or_dropped_last_letter_is_an_inflection_not_a_typo() -> None:
    # "needle" is one edit from "needles": correcting it broke "needle-stick"
    fixer = speller((LEXICONS["en"],))
    assert fixer.fix("needle") is None
    result = screen("pharmacy technician got a needle-stick from a used pen needle", "en")
    assert "special_situation:occupational_exposure" in result.categories()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Caller's mum is seeing odd shapes at night, started after Veranel was added."),
        ("fr", "Son fils a un comportement étrange depuis qu'il a commencé le Neurovan."),
    ],
)
def test_change_since_starting_is_reportable_without_a_known_term(language: str, text: str) -> None:
    assert screen(text, language).reportable


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "She has been doing well since starting Neurovan and needs a refill."),
        ("fr", "Tout va bien depuis qu'il a commencé le traitement."),
        ("en", "Is Veranel back in stock since the shortage?"),
    ],
)
def test_fallback_does_not_fire_on_good_news_or_questions(language: str, text: str) -> None:
    assert not screen(text, language).reportable


@pytest.mark.parametrize(
    ("language", "text", "category"),
    [
        (
            "en",
            "The nurse gave the wrong vaccine; no adverse reaction occurred.",
            "medication_error",
        ),
        (
            "fr",
            "Le pharmacien a délivré le mauvais dosage, pas d'effet indésirable.",
            "medication_error",
        ),
    ],
)
def test_medication_error_stays_reportable_after_no_reaction(
    language: str, text: str, category: str
) -> None:
    result = screen(text, language)
    assert result.reportable
    assert SS + category in result.categories()


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The patient has diabetes and asthma and wants to know which strength to take."),
        ("en", "In the phase 3 trial, dizziness occurred in 8% of patients."),
        ("en", "The leaflet mentions dizziness; should she avoid driving?"),
        ("fr", "Elle souffre de migraines depuis des années, quel dosage conseillez-vous ?"),
    ],
)
def test_conditions_statistics_and_label_questions_are_not_reportable(
    language: str, text: str
) -> None:
    assert not screen(text, language).reportable


@pytest.mark.parametrize(
    "text",
    [
        "Call from Dr Martin (Cardiolex): pregnancy / registry. Answered during the call.",
        "Call from Dr Martin (Cardiolex): interactions / potassium. Follow-up promised.",
        "Appel de Dr Martin (Cardiolex) : insuffisance rénale. Réponse donnée en ligne.",
        "Appel de Mme Roux (Insuvia) : oubli de dose. Rappel ou envoi écrit prévu.",
        "Call from Dr Lee (Dermavel): off-label use. Answered during the call.",
    ],
)
def test_a_call_log_topic_label_is_not_a_report(text: str) -> None:
    assert not screen(text).reportable


@pytest.mark.parametrize(
    "text",
    [
        "Call from Dr Martin (Cardiolex): severe rash. Answered during the call.",
        "Appel de Mme Durand : vertiges depuis le début du traitement.",
        "Call from Dr Martin: patient died on Sunday.",
        "Call from the pharmacy: she got pregnant while taking Cardiolex.",
    ],
)
def test_an_event_in_a_call_log_line_is_still_a_report(text: str) -> None:
    assert screen(text).reportable


def test_a_sentence_the_following_question_explains_is_not_flagged_by_the_model() -> None:
    # alone, the first sentence reads like a report to the model; the question says it is not
    first = "Patient forgot the morning dose of Veranel and noticed at 4 pm."
    alone = screen(first, "en")
    asked = screen(f"{first} What should he do?", "en")
    assert alone.reportable and not asked.reportable


def test_the_model_flags_a_report_no_lexicon_term_names() -> None:
    result = screen("He hasn't been himself since the Veranel, snappy, low, just not right.", "en")
    assert result.reportable
    assert result.flags[0].text.startswith("He hasn't been himself")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Une patiente sous Cardiolex envisage une grossesse : que faire ?"),
        ("en", "She is on Cardiolex and planning a pregnancy next year, should she switch?"),
    ],
)
def test_a_planned_pregnancy_while_on_treatment_is_a_plan(language: str, text: str) -> None:
    assert not screen(text, language).reportable


def test_no_lexicon_line_break_glues_two_words_together() -> None:
    """Continuation lines are joined without a space: a break between two words glues them."""
    from pathlib import Path

    import medinfo.safety.screening as package

    glued = []
    for path in sorted(Path(package.__file__).parent.glob("lexicon_*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, (line, following) in enumerate(zip(lines, lines[1:], strict=False), 1):
            if following[:1].isspace() and following.strip() and line.strip():
                if line.rstrip()[-1].isalnum() and following.strip()[0].isalnum():
                    glued.append(f"{path.name}:{number}")
    assert not glued, f"a line break between two words: {glued}"
