"""Knowledge-base API: search, and one article's version in force."""

from __future__ import annotations

from datetime import date
from typing import Literal

from flask import abort, request
from flask_login import current_user
from pydantic import BaseModel, ConfigDict, Field

from medinfo.api import bp
from medinfo.api.support import api_route, parse_query, respond
from medinfo.catalog.services import find_product
from medinfo.errors import ValidationFailed
from medinfo.kb import services
from medinfo.kb.indexing import search_articles
from medinfo.kb.rendering import render_markdown
from medinfo.permissions import Permission


class _Schema(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class KbSearchQuery(_Schema):
    """Search arguments."""

    q: str = Field(min_length=1, max_length=512)
    language: Literal["en", "fr"] | None = None
    product: str | None = Field(default=None, max_length=100)
    doc_type: Literal["srd", "faq", "smpc", "pil", "enclosure"] | None = None
    limit: int = Field(default=10, ge=1, le=50)


class KbHitOut(_Schema):
    """One article found."""

    id: str = Field(description="The article's stable id (front matter).")
    version: int
    version_id: int = Field(description="Database id of the version, for 'use in answer'.")
    title: str
    product: str
    language: str
    doc_type: str
    score: float
    snippet: str = Field(description="Safe HTML: escaped text with <mark> highlights.")


class KbSearchOut(_Schema):
    """Search results: only approved, in-date versions."""

    query: str
    total: int
    took_ms: float
    results: list[KbHitOut]
    facets: dict[str, dict[str, int]]
    suggestion: str | None


class KbArticleOut(_Schema):
    """An article's version in force."""

    id: str
    version: int
    version_id: int
    title: str
    product: str
    language: str
    doc_type: str
    status: str
    effective: date
    expires: date
    keywords: list[str]
    references: list[str]
    body: str = Field(description="Markdown.")
    body_html: str = Field(description="Sanitised HTML.")


@api_route(
    bp,
    "/kb/search",
    "GET",
    summary="Search the knowledge base (approved, in-date articles only)",
    permission=Permission.SEARCH_KB,
    query=KbSearchQuery,
    response=KbSearchOut,
)
def kb_search():
    """Search articles, with facets and a spelling suggestion."""
    args = parse_query(KbSearchQuery)
    product = None
    if args.product:
        found = find_product(args.product)
        if found is None:
            raise ValidationFailed({"product": f"Unknown product {args.product!r}."})
        product = found.name
    kb = search_articles(
        args.q, language=args.language, product=product, doc_type=args.doc_type, limit=args.limit
    )
    r = kb.results
    return respond(
        KbSearchOut(
            query=r.query,
            total=kb.total,
            took_ms=r.took_ms,
            results=[
                KbHitOut(
                    id=h.hit.article_id,
                    version=h.hit.version,
                    version_id=h.version_id,
                    title=h.hit.title,
                    product=h.hit.product,
                    language=h.hit.language,
                    doc_type=h.hit.doc_type,
                    score=round(h.hit.score, 4),
                    snippet=h.hit.snippet,
                )
                for h in kb.hits
            ],
            facets=r.facets,
            suggestion=r.suggestion,
        )
    )


@api_route(
    bp,
    "/kb/articles/{article_id:str}",
    "GET",
    summary="One knowledge-base article: the approved version in force",
    permission=Permission.SEARCH_KB,
    response=KbArticleOut,
)
def kb_article(article_id: str):
    """The version of an article in force (authors and reviewers may ask for ?version=N)."""
    article = services.get_article(article_id)
    version = services.visible_version(article.id)
    wanted = request.args.get("version", type=int)
    if wanted is not None and services.can_manage_kb(current_user):
        version = next((v for v in article.versions if v.version == wanted), None)
    if version is None:
        abort(404)
    return respond(
        KbArticleOut(
            id=article.id,
            version=version.version,
            version_id=version.id,
            title=version.title,
            product=article.product.name,
            language=article.language,
            doc_type=article.doc_type,
            status=version.status,
            effective=version.effective,
            expires=version.expires,
            keywords=list(version.keywords or []),
            references=list(version.references or []),
            body=version.body,
            body_html=render_markdown(version.body),
        )
    )
