"""Searching the demo knowledge base through medinfo.kb.indexing (both engines where cheap)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from tests.test_kb_import import kb, kb_index  # noqa: F401  (fixtures, used by name)

pytestmark = pytest.mark.usefixtures("kb")


@pytest.fixture(params=["tantivy", "whoosh"])
def engine(request, app):
    """Run the test on each engine (the index is rebuilt for it from the database)."""
    from medinfo.kb.indexing import rebuild_index

    original = app.config["MEDINFO_SEARCH_ENGINE"]
    app.config["MEDINFO_SEARCH_ENGINE"] = request.param
    rebuild_index()
    yield request.param
    app.config["MEDINFO_SEARCH_ENGINE"] = original


def ids(query: str, **filters) -> list[str]:
    """Article ids found, best first."""
    from medinfo.kb.indexing import search_articles

    return [h.hit.article_id for h in search_articles(query, **filters).hits]


def test_default_engine_is_tantivy(app):
    assert app.config["MEDINFO_SEARCH_ENGINE"] == "tantivy"


@pytest.mark.usefixtures("engine")
def test_brand_query_finds_the_inn_titled_french_srd():
    found = ids("Cardiolex grossesse")
    assert found[0] == "SRD-CLX-PREG-FR", found
    assert ids("Veranel sonde nasogastrique", language="fr")[0] == "SRD-VRN-SNG-FR"


@pytest.mark.usefixtures("engine")
def test_accents_are_folded_both_ways():
    accented = ids("insuffisance hépatique zelmitrigine")
    assert accented == ids("insuffisance hepatique zelmitrigine")
    assert accented[0] == "SRD-NRV-IH-FR"
    assert ids("ECRASEMENT comprimes") == ids("écrasement comprimés")


def test_french_and_english_with_stemming_and_language_filter():
    english = ids("pregnant women Cardiolex", language="en")
    assert english[0] == "SRD-CLX-PREG-EN"
    french = ids("femmes enceintes tervasartan", language="fr")
    assert french[0] == "SRD-CLX-PREG-FR"
    assert all(i.endswith("-FR") for i in ids("grossesse", language="fr"))


@pytest.mark.usefixtures("engine")
def test_typos_are_corrected_and_suggested():
    from medinfo.kb.indexing import search_articles

    found = search_articles("grosesse tervasartan")
    assert found.results.suggestion == "grossesse tervasartan"
    assert found.hits[0].hit.article_id == "SRD-CLX-PREG-FR"


def test_draft_and_retired_articles_are_never_found():
    from medinfo.kb.indexing import search_articles

    queries = [
        "Insuvia paediatric", "children adolescents Insuvia", "glupeglatide paediatric use",
        "Cardiolex storage", "shelf life tervasartan", "storage 2023", "stability blister",
    ]  # fmt: skip
    for q in queries:
        found = {h.hit.article_id for h in search_articles(q, limit=50).hits}
        assert not found & {"SRD-INS-PAED-EN", "SRD-CLX-STOR-EN"}, q


def test_an_expired_version_left_in_the_index_is_not_shown(db):
    """Between rebuilds the index may hold a version whose dates have passed: never shown."""
    from medinfo.kb.indexing import current_index, indexed_doc, search_articles
    from medinfo.kb.services import desk_today, visible_version

    v = visible_version("SRD-CLX-PREG-EN")
    v.expires = desk_today() - timedelta(days=1)
    v.effective = desk_today() - timedelta(days=400)
    db.session.commit()
    current_index().upsert([indexed_doc(v)])  # stale entry
    found = search_articles("Cardiolex pregnancy", language="en")
    assert "SRD-CLX-PREG-EN" not in [h.hit.article_id for h in found.hits]


def test_facets_and_filters():
    from medinfo.kb.indexing import search_articles

    found = search_articles("grossesse allaitement")
    facets = found.results.facets
    assert set(facets) == {"product", "language", "doc_type"}
    assert facets["language"].get("fr", 0) >= 4
    only = search_articles("grossesse allaitement", product="Insuvia", doc_type="srd")
    assert {(h.hit.product, h.hit.doc_type) for h in only.hits} == {("Insuvia", "srd")}


def test_snippets_are_safe_html_with_marks():
    from medinfo.kb.indexing import search_articles

    hit = search_articles("grossesse tervasartan").hits[0].hit
    assert "<mark>" in hit.snippet and "<script" not in hit.snippet


def test_search_while_the_index_is_rebuilt(app):
    """Readers never block on a rebuild and never see an empty or half-built index."""
    from medinfo.kb.indexing import rebuild_index, search_articles

    errors: list[BaseException] = []
    done = threading.Event()

    def rebuild_repeatedly():
        try:
            with app.app_context():
                for _ in range(4):
                    rebuild_index()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=rebuild_repeatedly)
    thread.start()
    searches = 0
    while not done.is_set() or searches < 20:
        found = search_articles("Cardiolex grossesse")
        assert found.hits and found.hits[0].hit.article_id == "SRD-CLX-PREG-FR"
        searches += 1
    thread.join(10)
    assert not errors and searches >= 20


def test_hostile_queries_never_raise():
    from medinfo.kb.indexing import search_articles

    for q in ['"', "*grossesse", "AND OR NOT", "a" * 600, "<script>", "((", "title:x", ""]:
        search_articles(q)
