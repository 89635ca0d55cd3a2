"""`flask kb import`: validate everything first, import all or nothing, idempotent re-import.

Also the home of the KB fixtures the other test_kb_* modules import: `kb_index` (a per-test
index directory) and `kb` (the demo knowledge base imported into it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

KB_DIR = Path(__file__).resolve().parent.parent / "knowledge_base"

VALID = """---
id: {id}
title: "{title}"
product: {product}
language: {language}
doc_type: srd
version: {version}
status: {status}
effective: {effective}
expires: {expires}
keywords: [dose, rein]
references:
  - "Data on file, 2025."
---

> Fictional demo content.

{body}
"""


def article_text(**overrides) -> str:
    """A valid article file's text, with overrides."""
    fields = {
        "id": "SRD-TST-ONE-EN",
        "title": "Testolex: renal dosing",
        "product": "Testolex",
        "language": "en",
        "version": 1,
        "status": "approved",
        "effective": "2025-01-01",
        "expires": "2099-01-01",
        "body": "## Question\n\nHow is Testolex dosed in renal impairment?",
    }
    fields.update(overrides)
    return VALID.format(**fields)


def write_article(root: Path, rel: str, text: str | None = None, **overrides) -> Path:
    """Write an article file at root/rel."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else article_text(**overrides), encoding="utf-8")
    return path


@pytest.fixture
def kb_index(app, tmp_path) -> Iterator[str]:
    """Point the app at a fresh index directory for this test (the session's is shared)."""
    from medinfo.kb.indexing import rebuild_index

    original = app.config["MEDINFO_INDEX_DIR"]
    app.config["MEDINFO_INDEX_DIR"] = str(tmp_path / "kb-index")
    rebuild_index()
    yield app.config["MEDINFO_INDEX_DIR"]
    app.config["MEDINFO_INDEX_DIR"] = original


@pytest.fixture
def kb(app, kb_index, products):
    """The demo knowledge base imported (products with their INNs and aliases exist first)."""
    from medinfo.kb.importer import import_folder

    report = import_folder(KB_DIR)
    assert report.ok, report.problems
    return report


def counts(db) -> tuple[int, int]:
    """(articles, versions) in the database."""
    from medinfo.kb.models import Article, ArticleVersion

    db.session.rollback()
    return (
        db.session.scalar(select(func.count()).select_from(Article)),
        db.session.scalar(select(func.count()).select_from(ArticleVersion)),
    )


def test_demo_knowledge_base_imports_and_reimport_is_idempotent(app, db, kb_index):
    from medinfo.audit.chain import verify_chain
    from medinfo.catalog.services import find_product
    from medinfo.kb.importer import import_folder

    first = import_folder(KB_DIR)
    assert first.ok and len(first.imported) == 52 and not first.skipped
    assert sorted(first.products_created) == [
        "Cardiolex",
        "Dermavel",
        "Insuvia",
        "Neurovan",
        "Veranel",
    ]
    assert first.indexed == 50  # the draft and the retired article are not indexed
    assert counts(db) == (52, 52)
    second = import_folder(KB_DIR)
    assert second.ok and second.imported == [] and len(second.skipped) == 52
    assert all("already imported" in reason for _, reason in second.skipped)
    assert counts(db) == (52, 52)
    assert find_product("Insuvia") is not None
    assert verify_chain().ok


BAD_CASES = [
    ("missing title", {"title": ""}, "missing required key 'title'"),
    ("bad date", {"effective": "2025-13-45"}, "effective: '2025-13-45' is not a date"),
    (
        "expires first",
        {"effective": "2026-05-01", "expires": "2026-01-01"},
        "is not after effective",
    ),
    ("language", {"language": "de"}, "language 'de': must be en or fr"),
    ("folder", {"language": "fr"}, "does not match its folder 'en/'"),
    ("status", {"status": "published"}, "status 'published'"),
    ("version", {"version": "two"}, "version 'two': must be a whole number"),
    ("version zero", {"version": 0}, "version 0: must be a whole number"),
    ("bad id", {"id": "srd one"}, "id 'srd one': use upper-case letters"),
]


@pytest.mark.parametrize(("case", "overrides", "reason"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_each_invalid_file_is_reported_and_nothing_is_imported(
    app, db, kb_index, tmp_path, case, overrides, reason
):
    from medinfo.catalog.services import find_product
    from medinfo.kb.importer import import_folder

    root = tmp_path / "kb"
    write_article(root, "en/testolex/good-one.md", id="SRD-TST-GOOD-EN")
    write_article(root, "en/testolex/bad-one.md", **overrides)
    report = import_folder(root)
    assert not report.ok
    assert any(f == "en/testolex/bad-one.md" and reason in r for f, r in report.problems), (
        report.problems
    )
    assert all(f == "en/testolex/bad-one.md" for f, _ in report.problems)
    assert counts(db) == (0, 0)
    assert find_product("Testolex") is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("# No front matter\n", "no front matter"),
        ("---\nid: [unclosed\n---\nbody\n", "front matter:"),
        ("---\nid: X\n", "not closed"),
        ("---\n- a list\n---\nbody\n", "must be a mapping"),
        (article_text().split("> Fictional")[0], "the body (after the front matter) is empty"),
        (article_text().replace("keywords:", "colour: blue\nkeywords:"), "unknown key 'colour'"),
    ],
)
def test_malformed_front_matter_is_reported(app, db, kb_index, tmp_path, text, reason):
    from medinfo.kb.importer import import_folder

    root = tmp_path / "kb"
    write_article(root, "en/testolex/broken.md", text)
    report = import_folder(root)
    assert [f for f, _ in report.problems] == ["en/testolex/broken.md"]
    assert reason in report.problems[0][1]
    assert counts(db) == (0, 0)


def test_duplicate_ids_and_several_problems_are_all_reported(app, db, kb_index, tmp_path):
    from medinfo.kb.importer import import_folder

    root = tmp_path / "kb"
    write_article(root, "en/testolex/one.md")
    write_article(root, "en/testolex/two.md")  # same id
    write_article(root, "fr/testolex/trois.md", id="SRD-TST-THREE-FR", language="fr",
                  doc_type="x", status="nope")  # fmt: skip
    report = import_folder(root)
    files = {f for f, _ in report.problems}
    assert files == {"en/testolex/two.md", "fr/testolex/trois.md"}
    assert any(
        "duplicate id SRD-TST-ONE-EN (also in en/testolex/one.md)" in r for _, r in report.problems
    )
    assert counts(db) == (0, 0)


def test_only_language_product_slug_files_are_articles(app, db, kb_index, tmp_path):
    from medinfo.kb.importer import import_folder

    root = tmp_path / "kb"
    (root).mkdir()
    (root / "README.md").write_text("# Not an article\n")
    write_article(root, "en/stray.md", "# also not an article\n")
    write_article(root, "en/testolex/renal.md")
    report = import_folder(root)
    assert report.ok and report.imported == ["SRD-TST-ONE-EN v1"]
    assert report.ignored == ["README.md", "en/stray.md"]


def test_higher_version_supersedes_lower_and_changed_same_version_is_skipped(
    app, db, kb_index, tmp_path
):
    from medinfo.kb.importer import import_folder
    from medinfo.kb.indexing import search_articles
    from medinfo.kb.models import ArticleVersion

    root = tmp_path / "kb"
    path = write_article(root, "en/testolex/renal.md")
    assert import_folder(root).imported == ["SRD-TST-ONE-EN v1"]
    write_article(root, "en/testolex/renal.md", body="Changed text, same version.")
    again = import_folder(root)
    assert again.imported == [] and "different content" in again.skipped[0][1]
    write_article(root, "en/testolex/renal.md", version=2, title="Testolex: renal dosing v2",
                  body="Halve the dose below 30 mL/min.")  # fmt: skip
    third = import_folder(root)
    assert third.imported == ["SRD-TST-ONE-EN v2"]
    db.session.rollback()
    statuses = dict(db.session.execute(select(ArticleVersion.version, ArticleVersion.status)).all())
    assert statuses == {1: "retired", 2: "approved"}
    hits = search_articles("renal dosing").hits
    assert [(h.hit.article_id, h.hit.version) for h in hits] == [("SRD-TST-ONE-EN", 2)]
    path.write_text(article_text(version=1))
    older = import_folder(root)
    assert older.imported == [] and "already imported" in older.skipped[0][1]


def test_an_id_used_by_another_language_in_the_database_is_refused(app, db, kb_index, tmp_path):
    from medinfo.kb.importer import import_folder

    root = tmp_path / "kb"
    write_article(root, "en/testolex/renal.md")
    assert import_folder(root).ok
    other = tmp_path / "other"
    write_article(other, "fr/testolex/renal.md", language="fr", version=2)
    report = import_folder(other)
    assert not report.ok and "already belongs to a en srd of Testolex" in report.problems[0][1]


def test_cli_import_shows_progress_and_fails_with_file_and_reason(app, db, kb_index, tmp_path):
    runner = app.test_cli_runner()
    bad = tmp_path / "bad"
    write_article(bad, "en/testolex/renal.md", expires="2001-01-01")
    result = runner.invoke(args=["kb", "import", str(bad)])
    assert result.exit_code == 1
    assert "nothing was imported" in result.output
    assert (
        "en/testolex/renal.md: expires 2001-01-01 is not after effective 2025-01-01"
        in result.output
    )
    assert counts(db) == (0, 0)

    copy = tmp_path / "kb"
    shutil.copytree(KB_DIR, copy)
    result = runner.invoke(args=["kb", "import", str(copy)])
    assert result.exit_code == 0, result.output
    assert "importing: 52/52" in result.output
    assert "imported 52 version(s), skipped 0; search index holds 50 article(s)" in result.output
    result = runner.invoke(args=["kb", "import", str(copy)])
    assert "imported 0 version(s), skipped 52" in result.output
    result = runner.invoke(args=["kb", "reindex"])
    assert result.exit_code == 0 and "search index rebuilt: 50 article(s)" in result.output
    assert "indexing: 50/50" in result.output
