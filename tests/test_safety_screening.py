"""Tests of the live safety screener (medinfo.safety.screening)."""

from __future__ import annotations

import dataclasses
import time

import pytest

from medinfo.safety.screening import Flag, ScreeningResult, screen
from tests.screening_data import DATA, DEV, OWN_SETS, SS
from tests.screening_data import load_rows as _load

# ---------------------------------------------------------------- categories, one case or more each
CATEGORY_CASES = [
    ("en", "My patient came out in a blotchy rash after the second injection.", "adverse_event"),
    ("en", "He was admitted to intensive care with pancreatitis.", "adverse_event"),
    ("fr", "Elle a fait une syncope hier soir après la prise.", "adverse_event"),
    ("fr", "Le patient est décédé d'une hémorragie digestive.", "adverse_event"),
    (
        "en",
        "The cartridge was cracked and the solution had leaked into the box.",
        "product_complaint",
    ),
    ("en", "The autoinjector jammed halfway through the injection.", "product_complaint"),
    ("fr", "Le flacon est arrivé fêlé et le sirop a changé de couleur.", "product_complaint"),
    ("fr", "Il manque la notice dans la boîte.", "product_complaint"),
    ("en", "She told me she is six weeks pregnant and still taking Veranel.", SS + "pregnancy"),
    ("fr", "Le conjoint était sous traitement au moment de la conception.", SS + "pregnancy"),
    (
        "en",
        "She is breastfeeding her 2-month-old and has been on the tablets all along.",
        SS + "breastfeeding",
    ),
    ("fr", "Elle allaite toujours et prend le traitement depuis un mois.", SS + "breastfeeding"),
    ("en", "He took an overdose of his sleeping tablets last night.", SS + "overdose"),
    ("fr", "Surdosage massif chez une patiente de 30 ans.", SS + "overdose"),
    (
        "en",
        "The ward nurse gave the wrong dose to my patient this morning.",
        SS + "medication_error",
    ),
    ("fr", "Le pharmacien a délivré le mauvais médicament à ma patiente.", SS + "medication_error"),
    ("en", "She keeps using her husband's inhaler instead of her own.", SS + "misuse"),
    ("fr", "Il utilise l'ordonnance de son frère pour se procurer le produit.", SS + "misuse"),
    ("en", "My patient has been snorting the crushed tablets.", SS + "abuse"),
    ("fr", "Il sniffe les comprimés écrasés depuis des mois.", SS + "abuse"),
    (
        "en",
        "I have been prescribing it off-label to my patient for psoriasis since May.",
        SS + "off_label",
    ),
    ("fr", "Je l'ai prescrit hors AMM à un patient de 15 ans.", SS + "off_label"),
    ("en", "The drug stopped working for my patient after six months.", SS + "lack_of_efficacy"),
    (
        "fr",
        "Le traitement est inefficace chez mon patient depuis le début.",
        SS + "lack_of_efficacy",
    ),
    ("en", "He drank alcohol together with the tablets and passed out.", SS + "interaction"),
    ("fr", "Elle l'a pris avec du millepertuis et a fait un malaise.", SS + "interaction"),
    (
        "en",
        "The pharmacist got a needlestick injury while preparing the syringe.",
        SS + "occupational_exposure",
    ),
    (
        "fr",
        "L'infirmière a reçu une projection dans l'œil en préparant la perfusion.",
        SS + "occupational_exposure",
    ),
    ("en", "Her toddler swallowed one of the capsules.", SS + "accidental_exposure"),
    ("fr", "Un enfant de 4 ans a avalé un comprimé de son père.", SS + "accidental_exposure"),
    ("en", "The patient used an inhaler that had expired last year.", SS + "expired_product"),
    ("fr", "Elle a utilisé un collyre périmé.", SS + "expired_product"),
    (
        "en",
        "He ordered the pills online and they turned out to be counterfeit.",
        SS + "counterfeit_product",
    ),
    ("fr", "Le patient a reçu une contrefaçon achetée sur internet.", SS + "counterfeit_product"),
]


@pytest.mark.parametrize(("language", "text", "category"), CATEGORY_CASES)
def test_category_is_flagged(language: str, text: str, category: str) -> None:
    result = screen(text, language)
    assert result.reportable
    assert category in result.categories()


def test_every_category_has_a_case() -> None:
    kinds = {c for _, _, c in CATEGORY_CASES}
    expected = {"adverse_event", "product_complaint"} | {
        SS + k
        for k in (
            "pregnancy breastfeeding overdose medication_error misuse abuse off_label "
            "lack_of_efficacy interaction occupational_exposure accidental_exposure "
            "expired_product counterfeit_product"
        ).split()
    }
    assert kinds == expected


# ---------------------------------------------------------------- negation and its scope
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "No side effects were observed."),
        ("en", "I have no adverse events to report."),
        ("en", "He did not experience any nausea or vomiting."),
        ("en", "The patient denies any rash."),
        ("en", "She has never had a seizure on this drug, I just want the dosing."),
        ("fr", "Aucun effet indésirable à signaler."),
        ("fr", "Pas d'effet secondaire."),
        ("fr", "Le patient n'a pas eu de vertiges ni de nausées."),
        ("fr", "Sans effet indésirable à ce jour."),
    ],
)
def test_negated_mentions_are_not_reportable(language: str, text: str) -> None:
    assert not screen(text, language).reportable


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "No rash, but she has been vomiting since Monday."),
        ("en", "No side effects apart from a mild headache."),
        ("en", "There was no fever; however he developed a cough."),
        ("en", "The event has not resolved yet."),
        ("en", "It is probably not related, but she lost consciousness."),
        ("fr", "Pas de fièvre, mais il vomit depuis hier soir."),
        ("fr", "Aucun effet indésirable hormis des nausées."),
        ("fr", "Je ne suis pas sûr que ce soit lié, mais elle a des vertiges."),
    ],
)
def test_negation_stays_in_its_clause(language: str, text: str) -> None:
    assert screen(text, language).reportable


# ---------------------------------------------------------------- general questions vs reports
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "What are the side effects of Cardiolex?"),
        ("en", "Is there data on use in pregnancy?"),
        ("en", "Can it be crushed?"),
        ("en", "Can it cause hair loss?"),
        ("en", "What should be done in case of overdose?"),
        ("en", "If a child swallows a tablet, what should the parents do?"),
        ("en", "Is it safe in breastfeeding?"),
        ("en", "Is there any information on off-label use in children?"),
        ("fr", "Quels sont les effets indésirables ?"),
        ("fr", "Existe-t-il des données chez l'enfant ?"),
        ("fr", "Que faire en cas de surdosage ?"),
        ("fr", "Peut-on l'associer au paracétamol ?"),
    ],
)
def test_general_questions_are_not_reportable(language: str, text: str) -> None:
    assert not screen(text, language).reportable


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Is her hair loss a known effect?"),
        ("en", "Could the itching my patient reports be linked to the cream?"),
        ("en", "My patient has had a headache for three days, is it the drug?"),
        ("fr", "Une patiente a des démangeaisons, est-ce lié au traitement ?"),
        ("fr", "Est-ce que les vertiges de mon patient peuvent venir du produit ?"),
    ],
)
def test_questions_about_a_patient_are_reportable(language: str, text: str) -> None:
    assert screen(text, language).reportable


@pytest.mark.parametrize(
    "text",
    [
        "A 67-year-old male patient experienced acute kidney injury 3 days after initiation of "
        "therapy.",
        "The patient was admitted to hospital with severe hyponatraemia.",
        "Events resolved upon discontinuation.",
        "Exposure during pregnancy was reported.",
        "Accidental ingestion by a 2-year-old child.",
    ],
)
def test_formal_case_report_english(text: str) -> None:
    assert screen(text, "en").reportable


# ---------------------------------------------------------------- accents and language choice
@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        (
            "Le patient a été hospitalisé pour une hépatite.",
            "Le patient a ete hospitalise pour une hepatite.",
        ),
        (
            "Elle a une éruption cutanée et de la fièvre.",
            "Elle a une eruption cutanee et de la fievre.",
        ),
        ("Les comprimés sont cassés.", "Les comprimes sont casses."),
        ("ÉRUPTION CUTANÉE DEPUIS DEUX JOURS.", "eruption cutanee depuis deux jours."),
    ],
)
def test_accents_do_not_matter(accented: str, plain: str) -> None:
    with_accents = screen(accented, "fr")
    without = screen(plain, "fr")
    assert with_accents.reportable and without.reportable
    assert with_accents.categories() == without.categories()


@pytest.mark.parametrize(
    "text",
    [
        "He was hospitalized.",
        "He was hospitalised.",
        "Il a été hospitalisé.",
        "Il a ete hospitalise.",
    ],
)
def test_hospitalised_spellings_and_auto_language(text: str) -> None:
    assert screen(text).categories() == ["adverse_event"]


def test_ligature_keeps_offsets() -> None:
    text = "Œdème du visage et cœur qui s'emballe chez ma patiente depuis hier."
    result = screen(text, "fr")
    assert result.reportable
    for flag in result.flags:
        assert text[flag.start : flag.end] == flag.text
    assert any(flag.text.startswith("Œdème") for flag in result.flags)


# ---------------------------------------------------------------- offsets and result shape
def _all_rows() -> list[dict]:
    rows = [row for name in OWN_SETS for row in _load(DATA / name)]
    if DEV.exists():
        rows += _load(DEV)
    return rows


def test_offsets_point_into_the_original_text() -> None:
    checked = 0
    for row in _all_rows():
        for flag in screen(row["text"], row["language"]).flags:
            assert row["text"][flag.start : flag.end] == flag.text
            assert flag.text.strip()
            checked += 1
    assert checked > 200


def test_result_shape() -> None:
    result = screen("She vomited and was hospitalised after a double dose given by mistake.", "en")
    assert isinstance(result, ScreeningResult)
    assert result.categories() == sorted(set(result.categories()))
    assert {"adverse_event", SS + "medication_error"} <= set(result.categories())
    assert all(isinstance(flag, Flag) for flag in result.flags)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.flags[0].start = 3  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n", "?", "..."])
def test_empty_and_blank_input(text: str) -> None:
    result = screen(text)
    assert result == ScreeningResult(False, ())
    assert result.categories() == []


def test_very_long_input_is_fast_and_keeps_offsets() -> None:
    filler = "Can you tell me the storage conditions of the 5 mg tablets please. " * 1500
    tail = "Her patient developed a severe rash yesterday."
    text = filler + tail
    assert len(text) > 100_000
    started = time.perf_counter()
    result = screen(text, "en")
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0  # typically ~0.1 s; generous for loaded CI machines
    assert result.reportable
    rash = [flag for flag in result.flags if flag.text == "rash"]
    assert rash and rash[0].start > len(filler)
    assert not screen(filler, "en").reportable


def test_text_without_sentence_breaks() -> None:
    text = "rash " * 20_000
    result = screen(text, "en")
    assert result.reportable
    assert all(text[f.start : f.end] == f.text for f in result.flags)
