"""KB pages, the KB API, and "use in answer" from the intake screen and the case page."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.test_interactions import INTAKE
from tests.test_kb_import import kb, kb_index  # noqa: F401  (fixtures, used by name)

pytestmark = pytest.mark.usefixtures("kb")


def version_id(article_id: str) -> int:
    """Database id of the version of an article in force."""
    from medinfo.kb.services import visible_version

    return visible_version(article_id).id


def any_version_id(article_id: str) -> int:
    """Database id of an article's newest version, whatever its status."""
    from medinfo.kb.services import get_article

    return get_article(article_id).versions[-1].id


# -- API ------------------------------------------------------------------------------------


def test_api_search_shape(agent_client):
    resp = agent_client.get("/api/v1/kb/search?q=Cardiolex+grossesse&language=fr&limit=3")
    assert resp.status_code == 200
    body = resp.get_json()
    assert set(body) == {"query", "total", "took_ms", "results", "facets", "suggestion"}
    assert body["query"] == "Cardiolex grossesse" and body["total"] >= 1
    first = body["results"][0]
    assert set(first) >= {"id", "version", "title", "product", "language", "doc_type", "score",
                          "snippet"}  # fmt: skip
    assert (first["id"], first["version"], first["product"]) == ("SRD-CLX-PREG-FR", 3, "Cardiolex")
    assert first["title"] == "Tervasartan : grossesse et allaitement"
    assert len(body["results"]) <= 3
    assert set(body["facets"]) == {"product", "language", "doc_type"}


def test_api_search_accepts_an_inn_as_product_filter_and_suggests(agent_client):
    body = agent_client.get("/api/v1/kb/search?q=grosesse&product=tervasartan").get_json()
    assert body["suggestion"] == "grossesse"
    assert {r["product"] for r in body["results"]} == {"Cardiolex"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("", "q"),
        ("q=", "q"),
        ("q=x&language=de", "language"),
        ("q=x&doc_type=memo", "doc_type"),
        ("q=x&limit=0", "limit"),
        ("q=x&limit=lots", "limit"),
        ("q=x&product=Nopeol", "product"),
    ],
)
def test_api_search_errors(agent_client, query, field):
    resp = agent_client.get(f"/api/v1/kb/search?{query}")
    assert resp.status_code == 422
    error = resp.get_json()["error"]
    assert error["code"] == "validation_failed" and field in error["fields"]


def test_api_requires_authentication(client):
    resp = client.get("/api/v1/kb/search?q=grossesse")
    assert resp.status_code == 401 and "error" in resp.get_json()


def test_api_article_in_force_only_for_agents(agent_client, logged_in):
    body = agent_client.get("/api/v1/kb/articles/SRD-CLX-PREG-FR").get_json()
    assert body["id"] == "SRD-CLX-PREG-FR" and body["status"] == "approved"
    assert "<h2>" in body["body_html"] and "<script" not in body["body_html"]
    for hidden in ("SRD-INS-PAED-EN", "SRD-CLX-STOR-EN", "NO-SUCH-ID"):
        resp = agent_client.get(f"/api/v1/kb/articles/{hidden}")
        assert resp.status_code == 404 and resp.get_json()["error"]["code"] == "not_found"
    reviewer = logged_in("medical_reviewer")
    draft = reviewer.get("/api/v1/kb/articles/SRD-INS-PAED-EN?version=1").get_json()
    assert draft["status"] == "draft"
    assert agent_client.get("/api/v1/kb/articles/SRD-INS-PAED-EN?version=1").status_code == 404


def test_openapi_lists_the_kb_operations(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "get" in paths["/kb/search"] and "get" in paths["/kb/articles/{article_id}"]
    params = {p["name"] for p in paths["/kb/search"]["get"]["parameters"]}
    assert {"q", "language", "product", "doc_type", "limit"} <= params


# -- pages ----------------------------------------------------------------------------------


def test_search_page_for_agents(agent_client):
    page = agent_client.get("/kb/?q=Cardiolex+grossesse").text
    assert "Tervasartan : grossesse et allaitement" in page and "<mark>" in page
    assert "SRD-INS-PAED-EN" not in agent_client.get("/kb/?q=Insuvia+paediatric").text
    assert "Did you mean" in agent_client.get("/kb/?q=grosesse").text


def test_article_pages_hide_drafts_and_retired_from_agents(agent_client, logged_in):
    page = agent_client.get("/kb/articles/SRD-CLX-PREG-FR")
    assert page.status_code == 200 and "Tervasartan : grossesse et allaitement" in page.text
    assert "Approve v" not in page.text and "/approve" not in page.text
    assert "Versions" not in page.text
    assert agent_client.get("/kb/articles/SRD-INS-PAED-EN").status_code == 404
    assert agent_client.get("/kb/articles/SRD-CLX-STOR-EN").status_code == 404
    reviewer = logged_in("medical_reviewer")
    page = reviewer.get("/kb/articles/SRD-INS-PAED-EN")
    assert page.status_code == 200 and "not shown to agents" in page.text


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [
        ("agent", "/kb/manage", 403),
        ("agent", "/kb/new", 403),
        ("agent", "/kb/articles/SRD-CLX-PREG-FR/diff", 403),
        ("auditor", "/kb/", 200),
        ("auditor", "/kb/manage", 403),
        ("medical_reviewer", "/kb/manage", 200),
        ("medical_reviewer", "/kb/new", 200),
        ("admin", "/kb/manage", 200),
    ],
)
def test_kb_role_matrix(logged_in, role, path, status):
    assert logged_in(role).get(path).status_code == status


def test_manage_page_lists_review_queue_and_expiring(logged_in):
    page = logged_in("medical_reviewer").get("/kb/manage").text
    assert "Expiring within 30 days" in page and "SRD-INS-PAED-EN" in page


def test_write_submit_approve_through_pages(logged_in, db):
    from medinfo.kb.models import ArticleVersion

    author, reviewer = logged_in("medical_reviewer"), logged_in("medical_reviewer")
    resp = author.post(
        "/kb/articles/SRD-CLX-PREG-FR/versions/new",
        data={
            "title": "Tervasartan : grossesse et allaitement",
            "body": "Nouveau texte <script>alert(1)</script> : oligoamnios.",
            "keywords": "grossesse, oligoamnios",
            "references": "Données internes.",
            "effective": "2026-01-01",
            "expires": "2028-01-01",
        },
    )
    assert resp.status_code == 302
    v4 = db.session.scalar(
        select(ArticleVersion).where(
            ArticleVersion.article_id == "SRD-CLX-PREG-FR", ArticleVersion.version == 4
        )
    )
    assert v4.status == "draft"
    diff = author.get("/kb/articles/SRD-CLX-PREG-FR/diff?a=3&b=4").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in diff and "<script>alert" not in diff
    author.post(f"/kb/versions/{v4.id}/submit")
    resp = author.post(f"/kb/versions/{v4.id}/approve", follow_redirects=True)
    assert "cannot approve" in resp.text
    resp = reviewer.post(f"/kb/versions/{v4.id}/approve", follow_redirects=True)
    assert "approved" in resp.text
    db.session.rollback()
    assert db.session.get(ArticleVersion, v4.id).status == "approved"
    body = author.get("/api/v1/kb/search?q=oligoamnios+tervasartan").get_json()
    assert body["results"][0]["version"] == 4
    resp = reviewer.post(f"/kb/versions/{v4.id}/retire", data={"reason": ""}, follow_redirects=True)
    assert "Say why" in resp.text
    reviewer.post(f"/kb/versions/{v4.id}/retire", data={"reason": "Label change."})
    assert author.get("/api/v1/kb/articles/SRD-CLX-PREG-FR").status_code == 404


def test_new_article_form_reports_field_errors(logged_in, db):
    from medinfo.kb.models import Article

    author = logged_in("medical_reviewer")
    resp = author.post(
        "/kb/new",
        data={
            "article_id": "SRD-CLX-PREG-FR",
            "product": "Cardiolex",
            "language": "fr",
            "doc_type": "srd",
            "title": "",
            "body": "x",
            "effective": "2026-01-01",
            "expires": "2025-01-01",
        },  # fmt: skip
    )
    assert resp.status_code == 200
    for message in ("already exists", "A title is required", "must be after the effective"):
        assert message in resp.text
    assert db.session.scalar(select(func.count()).select_from(Article)) == 52


# -- use in answer --------------------------------------------------------------------------


def test_intake_attaches_the_version_and_history_shows_it(agent_client, db):
    from medinfo.audit.models import AuditEvent
    from medinfo.contacts.history import contact_history
    from medinfo.interactions.models import Interaction

    vid = version_id("SRD-CLX-PREG-FR")
    resp = agent_client.post("/cases/intake", data={**INTAKE, "requests-1-kb_versions": f"{vid}"})
    assert resp.status_code == 302
    interaction = db.session.scalar(select(Interaction))
    first, second = interaction.requests
    assert first.kb_links == []
    assert [(link.version.label, link.attached_by_id) for link in second.kb_links] == [
        ("SRD-CLX-PREG-FR v3", agent_client.user.id)
    ]
    opened = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "interaction.opened"))
    assert opened.new_values["requests"][1]["kb_versions"] == ["SRD-CLX-PREG-FR v3"]
    case = agent_client.get(resp.location).text
    assert "SRD-CLX-PREG-FR v3" in case
    history = contact_history(interaction.contact_id, types=["kb_document"])
    assert [(e.type, e.reference) for e in history.events] == [
        ("kb_document", interaction.reference)
    ]
    assert history.events[0].title.startswith("SRD-CLX-PREG-FR v3 · Tervasartan")
    api = agent_client.get(f"/api/v1/contacts/{interaction.contact_id}/history").get_json()
    assert "kb_document" in {e["type"] for e in api["events"]}
    page = agent_client.get(f"/contacts/{interaction.contact_id}").text
    assert "SRD-CLX-PREG-FR v3" in page


@pytest.mark.parametrize("forged", ["draft", "retired", "999999", "abc"])
def test_intake_refuses_versions_agents_may_not_use(agent_client, db, forged):
    from medinfo.interactions.models import Interaction

    value = {
        "draft": lambda: str(any_version_id("SRD-INS-PAED-EN")),
        "retired": lambda: str(any_version_id("SRD-CLX-STOR-EN")),
    }.get(forged, lambda: forged)()
    resp = agent_client.post("/cases/intake", data={**INTAKE, "requests-0-kb_versions": value})
    assert resp.status_code == 200
    assert "Only approved, in-date knowledge-base articles" in resp.text
    assert db.session.scalar(select(func.count()).select_from(Interaction)) == 0


def test_case_page_attaches_the_version_in_force(agent_client, make_interaction, db):
    interaction = make_interaction()
    request = interaction.requests[0]
    resp = agent_client.post(
        f"/kb/requests/{request.id}/attach", data={"article_id": "srd-clx-preg-fr"},
        follow_redirects=True,
    )  # fmt: skip
    assert "SRD-CLX-PREG-FR v3 attached" in resp.text
    resp = agent_client.post(
        f"/kb/requests/{request.id}/attach", data={"article_id": "SRD-INS-PAED-EN"},
        follow_redirects=True,
    )  # fmt: skip
    assert "No approved, in-date article SRD-INS-PAED-EN" in resp.text
    again = agent_client.post(
        f"/kb/requests/{request.id}/attach", data={"article_id": "SRD-CLX-PREG-FR"},
        follow_redirects=True,
    )  # fmt: skip
    assert "already attached" in again.text
    db.session.rollback()
    assert [link.version.label for link in db.session.merge(request).kb_links] == [
        "SRD-CLX-PREG-FR v3"
    ]


def test_auditors_cannot_attach(logged_in, make_interaction):
    interaction = make_interaction()
    resp = logged_in("auditor").post(
        f"/kb/requests/{interaction.requests[0].id}/attach", data={"article_id": "SRD-CLX-PREG-FR"}
    )
    assert resp.status_code == 403


def test_version_labels_only_for_usable_versions(agent_client):
    ok, draft = version_id("SRD-CLX-PREG-FR"), any_version_id("SRD-INS-PAED-EN")
    body = agent_client.get(f"/kb/versions.json?ids={ok},{draft},x").get_json()
    assert [v["id"] for v in body["versions"]] == ["SRD-CLX-PREG-FR"]


def test_open_interaction_attaches_versions_in_its_transaction(make_contact, products, db):
    from medinfo.errors import ValidationFailed
    from medinfo.interactions import services
    from medinfo.interactions.models import Interaction

    contact = make_contact()

    def data(second_versions):
        return services.InteractionData(
            channel="email",
            unsolicited=True,
            language="fr",
            contact_id=contact.id,
            requests=[
                services.RequestData(
                    "medical_info", "Écraser ?", "Veranel", [version_id("SRD-VRN-SNG-FR")]
                ),
                services.RequestData("medical_info", "Grossesse ?", "Cardiolex", second_versions),
            ],
        )

    with pytest.raises(ValidationFailed) as exc:
        services.open_interaction(data([any_version_id("SRD-INS-PAED-EN")]))
    assert set(exc.value.fields) == {"requests.1.kb_versions"}
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Interaction)) == 0
    interaction = services.open_interaction(data([version_id("SRD-CLX-PREG-FR")]))
    labels = [[link.version.label for link in r.kb_links] for r in interaction.requests]
    assert labels == [["SRD-VRN-SNG-FR v2"], ["SRD-CLX-PREG-FR v3"]]
