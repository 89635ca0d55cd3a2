"""Knowledge-base search engine (medinfo.search), on every engine it supports."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest

from medinfo.search import ENGINES, IndexedDoc, SearchIndex

SYNONYMS = [("Cardiolex", "tervasartan", "CLX"), ("Veranel", "velparixaban")]


def doc(article_id: str, title: str, body: str, *, language: str = "en", **extra) -> IndexedDoc:
    """A small article with sensible defaults."""
    fields = {"version": 1, "product": "Cardiolex", "doc_type": "srd", "keywords": ()}
    fields.update(extra)
    return IndexedDoc(article_id=article_id, title=title, body=body, language=language, **fields)


DOCS = [
    doc(
        "SRD-CLX-PREG-FR",
        "Tervasartan : grossesse et allaitement",
        "Le **tervasartan** est contre-indiqué pendant la grossesse.\n\n"
        "En cas d'insuffisance rénale, adapter la dose. Comprimés sans lactose.",
        language="fr",
    ),
    doc(
        "SRD-CLX-HEP-FR",
        "Tervasartan et insuffisance hépatique",
        "Aucune adaptation posologique n'est nécessaire en cas d'atteinte hépatique légère.",
        language="fr",
        doc_type="smpc",
    ),
    doc(
        "SRD-CLX-PREG-EN",
        "Tervasartan in pregnancy",
        "Tervasartan is contraindicated during pregnancy. Do not use when breastfeeding.",
        keywords=("teratogenic",),
    ),
    doc(
        "FAQ-VRN-DOSE-EN",
        "Veranel dosing",
        "Velparixaban 20 mg once daily with food. Reduce the dose in renal impairment.",
        product="Veranel",
        doc_type="faq",
    ),
    doc(
        "FAQ-VRN-XSS-EN",
        "Veranel storage",
        "Store below 25 °C. Never paste <script>alert('x')</script> & friends into a chart.",
        product="Veranel",
        doc_type="faq",
    ),
]


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    """Every engine behind SearchIndex."""
    return request.param


@pytest.fixture
def index(tmp_path: Path, engine: str) -> SearchIndex:
    """An index holding DOCS."""
    ix = SearchIndex(tmp_path / "index", engine=engine)
    assert ix.rebuild(DOCS) == len(DOCS)
    return ix


def ids(results) -> list[str]:
    """Article ids of the hits, best first."""
    return [h.article_id for h in results.hits]


def test_english_stemming_matches_pregnant_and_pregnancy(index):
    assert "SRD-CLX-PREG-EN" in ids(index.search("pregnant women", language="en"))
    assert "SRD-CLX-PREG-EN" in ids(index.search("pregnancies"))


def test_french_stemming(index):
    assert ids(index.search("insuffisant renal", language="fr")) == ["SRD-CLX-PREG-FR"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Grossèsse", "SRD-CLX-PREG-FR"),
        ("hepatique", "SRD-CLX-HEP-FR"),
        ("HÉPATIQUE", "SRD-CLX-HEP-FR"),
    ],
)
def test_accents_are_folded(index, query, expected):
    assert expected in ids(index.search(query))


def test_negation_words_are_searchable(index):
    assert ids(index.search("sans lactose")) == ["SRD-CLX-PREG-FR"]
    assert "SRD-CLX-HEP-FR" in ids(index.search("aucune adaptation"))
    assert "SRD-CLX-PREG-EN" in ids(index.search('"do not use"'))


def test_brand_query_finds_inn_titled_document_through_synonyms(index):
    found = index.search("Cardiolex grossesse", synonyms=SYNONYMS)
    assert ids(found)[0] == "SRD-CLX-PREG-FR"
    assert found.hits[0].title == "Tervasartan : grossesse et allaitement"
    assert "SRD-CLX-PREG-FR" in ids(index.search("CLX grossesse", synonyms=SYNONYMS))


def test_synonyms_do_not_leak_into_other_queries(index):
    assert ids(index.search("velparixaban dose", synonyms=SYNONYMS)) == ["FAQ-VRN-DOSE-EN"]


def test_typo_gives_hits_or_a_suggestion(index):
    found = index.search("pregancy")
    assert "SRD-CLX-PREG-EN" in ids(found) or found.suggestion == "pregnancy"
    assert found.suggestion == "pregnancy"


def test_unknown_words_give_no_hits_and_no_error(index):
    found = index.search("zzzqqq")
    assert found.total == 0
    assert found.hits == ()


def test_filters_and_facets(index):
    found = index.search("tervasartan")
    assert found.total == 3
    assert found.facets["language"] == {"fr": 2, "en": 1}
    assert found.facets["doc_type"] == {"srd": 2, "smpc": 1}
    assert found.facets["product"] == {"Cardiolex": 3}
    assert ids(index.search("tervasartan", language="en")) == ["SRD-CLX-PREG-EN"]
    assert ids(index.search("tervasartan", doc_type="smpc")) == ["SRD-CLX-HEP-FR"]
    assert index.search("dose", product="Cardiolex").total == 1
    assert ids(index.search("dose", product="Veranel")) == ["FAQ-VRN-DOSE-EN"]


def test_title_outranks_body(index):
    assert ids(index.search("pregnancy"))[0] == "SRD-CLX-PREG-EN"


def test_snippet_is_escaped_html_with_marks(index):
    hit = index.search("script friends").hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;" in hit.snippet
    assert "<mark>friends</mark>" in hit.snippet
    hit = index.search("grossesse").hits[0]
    assert "<mark>grossesse</mark>" in hit.snippet
    assert "**" not in hit.snippet


def test_result_fields(index):
    found = index.search("Veranel dosing")
    hit = found.hits[0]
    assert (hit.article_id, hit.version, hit.product, hit.language, hit.doc_type) == (
        "FAQ-VRN-DOSE-EN",
        1,
        "Veranel",
        "en",
        "faq",
    )
    assert hit.score > 0
    assert found.took_ms >= 0
    assert found.query == "Veranel dosing"


def test_upsert_replaces_previous_version(index):
    new = doc(
        "SRD-CLX-PREG-EN", "Tervasartan in pregnancy", "Updated wording about lactation.", version=2
    )
    index.upsert([new])
    found = index.search("lactation")
    assert [(h.article_id, h.version) for h in found.hits] == [("SRD-CLX-PREG-EN", 2)]
    assert index.search("breastfeeding").total == 0
    assert index.doc_count() == len(DOCS)


def test_delete_removes(index):
    index.delete(["FAQ-VRN-DOSE-EN", "NO-SUCH-ID"])
    assert index.search("velparixaban").total == 0
    assert index.doc_count() == len(DOCS) - 1


def test_changes_are_seen_by_another_instance(index, engine):
    other = SearchIndex(index.layout.root, engine=engine)
    assert other.search("tervasartan").total == 3
    index.upsert([doc("NEW-1", "Tervasartan overdose", "Supportive care.")])
    assert other.search("tervasartan").total == 4


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_returns_nothing(index, query):
    found = index.search(query)
    assert (found.total, found.hits, found.suggestion) == (0, (), None)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"unclosed phrase',
        "title:",
        ":",
        "((",
        "())",
        "*",
        "*rvasartan",
        "?ose",
        "AND",
        "OR NOT",
        "a AND (b OR",
        "tervasartan^3",
        "~2",
        "[a TO z]",
        "{}",
        "\\",
        "-",
        "+",
        "x" * 5000,
        "grossesse " * 600,
        "é" * 5000,
        "\x00\x01",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "tervasartan:grossesse",
        "🙂 💊",
    ],
)
def test_hostile_queries_never_raise(index, query):
    found = index.search(query, synonyms=SYNONYMS)
    assert found.total >= 0


def test_rebuild_reports_progress_and_count(tmp_path, engine):
    seen = []
    ix = SearchIndex(tmp_path / "ix", engine=engine)
    many = [doc(f"A-{i}", f"Article {i}", "tervasartan body") for i in range(1200)]
    assert ix.rebuild(iter(many), total=1200, progress=lambda n, t: seen.append((n, t))) == 1200
    assert seen[-1] == (1200, 1200)
    assert ix.doc_count() == 1200


def test_rebuild_swaps_atomically_while_searching(index, engine):
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()
    reader = SearchIndex(index.layout.root, engine=engine)

    def search_loop() -> None:
        try:
            while not stop.is_set():
                totals.append(reader.search("tervasartan").total)
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            errors.append(exc)

    thread = threading.Thread(target=search_loop)
    thread.start()
    try:
        for round_ in range(4):
            extra = [
                doc(f"R{round_}-{i}", f"Tervasartan note {i}", "tervasartan text")
                for i in range(40)
            ]
            index.rebuild(DOCS + extra)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert totals and min(totals) > 0
    assert reader.search("tervasartan").total == 3 + 40


def test_writes_during_a_rebuild_are_not_lost(index):
    def docs():
        yield from DOCS
        index.upsert([doc("LATE-1", "Tervasartan late news", "Arrived during the rebuild.")])

    index.rebuild(docs())
    assert ids(index.search("late news")) == ["LATE-1"]


def _writer_process(root: str, engine: str, worker: int, count: int) -> None:
    ix = SearchIndex(root, engine=engine, lock_timeout=60)
    for i in range(count):
        ix.upsert([doc(f"P{worker}-{i}", f"Process {worker} article {i}", "tervasartan")])


def test_writers_in_several_processes_lose_nothing(tmp_path, engine):
    root = tmp_path / "shared"
    SearchIndex(root, engine=engine).rebuild([])
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer_process, args=(str(root), engine, w, 12)) for w in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert SearchIndex(root, engine=engine).doc_count() == 36


def test_unknown_engine_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown search engine"):
        SearchIndex(tmp_path, engine="lucene")
