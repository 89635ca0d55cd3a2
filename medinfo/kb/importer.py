"""`flask kb import PATH`: validate every article file first, then import all or nothing.

Articles are the files at `<language>/<product>/<slug>.md` under PATH, each with a YAML front
matter block (DESIGN.md). Any problem in any file is reported with the file and the reason and
nothing is imported. Otherwise everything is imported in one transaction: unknown products are
created, a version already in the database is skipped, a higher version is added (an approved
one supersedes the previous approved version), and the search index is rebuilt afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.catalog.services import ProductData, create_product, find_product
from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.kb.models import DOC_TYPES, LANGUAGES, STATUSES, Article, ArticleVersion
from medinfo.kb.rendering import body_hash
from medinfo.kb.services import VersionData, new_version_row, retire_superseded, snapshot
from medinfo.signals import article_changed

REQUIRED = (
    "id",
    "title",
    "product",
    "language",
    "doc_type",
    "version",
    "status",
    "effective",
    "expires",
)
OPTIONAL = ("keywords", "references")
ID_RE = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*\.md$")
MAX_FILE_BYTES = 1_000_000
Progress = Callable[[str, int, int], None]


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so a bad date is reported with its key."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass(frozen=True)
class ArticleFile:
    """One validated article file."""

    path: str
    id: str
    product: str
    language: str
    doc_type: str
    version: int
    status: str
    content: VersionData


@dataclass
class ImportReport:
    """What an import did (or why it did nothing)."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    imported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    products_created: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    indexed: int = 0

    @property
    def ok(self) -> bool:
        """True when every file was valid (and so the import ran)."""
        return not self.problems


def article_paths(root: Path) -> tuple[list[Path], list[Path]]:
    """(article files at <language>/<product>/<slug>.md, other .md files that are ignored)."""
    articles, ignored = [], []
    for path in sorted(root.rglob("*.md")):
        parts = path.relative_to(root).parts
        (articles if len(parts) == 3 else ignored).append(path)
    return articles, ignored


def _split_front_matter(text: str) -> tuple[str, str]:
    if not text.startswith("---"):
        raise ValueError("no front matter: the file must start with a line '---'")
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "".join(lines[1:i]), "".join(lines[i + 1 :])
    raise ValueError("the front matter is not closed by a line '---'")


def _as_date(value: Any, key: str, errors: list[str]) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors.append(f"{key}: {value!r} is not a date (YYYY-MM-DD)")
        return None


def _as_list(value: Any, key: str, errors: list[str]) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        errors.append(f"{key}: must be a list of texts")
        return []
    return [str(v) for v in value]


def parse_file(path: Path, root: Path) -> tuple[ArticleFile | None, list[str]]:
    """Parse and check one article file: (the article, []) or (None, reasons)."""
    rel = path.relative_to(root).as_posix()
    folder_language, _product_folder, name = path.relative_to(root).parts
    errors: list[str] = []
    if path.stat().st_size > MAX_FILE_BYTES:
        return None, [f"larger than {MAX_FILE_BYTES} bytes"]
    try:
        raw, body = _split_front_matter(path.read_text(encoding="utf-8"))
        meta = yaml.load(raw, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except UnicodeDecodeError:
        return None, ["not UTF-8 text"]
    except (ValueError, yaml.YAMLError) as exc:
        return None, [f"front matter: {str(exc).splitlines()[0]}"]
    if not isinstance(meta, dict):
        return None, ["front matter must be a mapping of keys to values"]
    missing = [k for k in REQUIRED if meta.get(k) in (None, "")]
    errors += [f"missing required key '{k}'" for k in missing]
    errors += [f"unknown key '{k}'" for k in meta if k not in REQUIRED + OPTIONAL]
    if not SLUG_RE.match(name):
        errors.append(f"file name {name!r}: use lower-case words separated by hyphens")
    article_id = str(meta.get("id") or "").strip()
    if article_id and not ID_RE.match(article_id):
        errors.append(f"id {article_id!r}: use upper-case letters, digits and hyphens")
    language = meta.get("language")
    if language not in (None, "") and language not in LANGUAGES:
        errors.append(f"language {language!r}: must be en or fr")
    elif language and language != folder_language:
        errors.append(f"language {language!r} does not match its folder '{folder_language}/'")
    doc_type = meta.get("doc_type")
    if doc_type not in (None, "") and doc_type not in DOC_TYPES:
        errors.append(f"doc_type {doc_type!r}: must be one of {', '.join(DOC_TYPES)}")
    status = meta.get("status")
    if status not in (None, "") and status not in STATUSES:
        errors.append(f"status {status!r}: must be one of {', '.join(STATUSES)}")
    version = meta.get("version")
    if version not in (None, "") and (
        isinstance(version, bool) or not isinstance(version, int) or version < 1
    ):
        errors.append(f"version {version!r}: must be a whole number from 1")
    effective = (
        _as_date(meta["effective"], "effective", errors) if "effective" not in missing else None
    )
    expires = _as_date(meta["expires"], "expires", errors) if "expires" not in missing else None
    if effective and expires and expires <= effective:
        errors.append(f"expires {expires} is not after effective {effective}")
    keywords = _as_list(meta.get("keywords"), "keywords", errors)
    references = _as_list(meta.get("references"), "references", errors)
    if not body.strip():
        errors.append("the body (after the front matter) is empty")
    if len(str(meta.get("title") or "")) > 300:
        errors.append("title: longer than 300 characters")
    if errors:
        return None, errors
    content = VersionData(
        str(meta["title"]).strip(), body.strip() + "\n", effective, expires, keywords, references
    )
    return ArticleFile(
        rel, article_id, str(meta["product"]).strip(), language, doc_type, version, status, content
    ), []


def validate_folder(
    root: Path, progress: Progress | None = None
) -> tuple[list[ArticleFile], ImportReport]:
    """Check every article file under root and the ids against each other and the database."""
    report = ImportReport()
    paths, ignored = article_paths(root)
    report.ignored = [p.relative_to(root).as_posix() for p in ignored]
    if not paths:
        report.problems.append((str(root), "no article files at <language>/<product>/<slug>.md"))
        return [], report
    files: list[ArticleFile] = []
    for n, path in enumerate(paths, start=1):
        parsed, errors = parse_file(path, root)
        rel = path.relative_to(root).as_posix()
        report.problems += [(rel, e) for e in errors]
        if parsed:
            files.append(parsed)
        if progress:
            progress("validating", n, len(paths))
    first: dict[str, str] = {}
    for f in files:
        if f.id in first:
            report.problems.append((f.path, f"duplicate id {f.id} (also in {first[f.id]})"))
        else:
            first[f.id] = f.path
        existing = db.session.get(Article, f.id)
        if existing is not None:
            product = find_product(f.product)
            if (existing.language, existing.doc_type) != (f.language, f.doc_type) or (
                product is not None and product.id != existing.product_id
            ):
                report.problems.append(
                    (
                        f.path,
                        f"id {f.id} already belongs to a {existing.language} "
                        f"{existing.doc_type} of {existing.product.name}",
                    )
                )
    return files, report


def import_folder(
    root: str | Path, *, actor: Actor | None = None, progress: Progress | None = None
) -> ImportReport:
    """Validate everything, then import all in one transaction (or nothing), then reindex."""
    from medinfo.kb.indexing import rebuild_index

    root = Path(root)
    if not root.is_dir():
        return ImportReport(problems=[(str(root), "not a folder")])
    files, report = validate_folder(root, progress)
    if report.problems:
        return report
    changed: list[tuple[ArticleVersion, str]] = []
    try:
        for n, f in enumerate(files, start=1):
            changed += _import_one(f, report, actor)
            if progress:
                progress("importing", n, len(files))
        record_event(
            "kb.imported",
            "kb_import",
            root.name,
            new={
                "imported": report.imported,
                "skipped": len(report.skipped),
                "products_created": report.products_created,
            },
            actor=actor,
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    for version, action in changed:
        article_changed.send(version, action=action)
    report.indexed = rebuild_index(
        progress=(lambda done, total: progress("indexing", done, total or done))
        if progress
        else None
    )
    return report


def _product(name: str, report: ImportReport):
    product = find_product(name)
    if product is None:
        product = create_product(ProductData(name), commit=False)
        report.products_created.append(product.name)
    return product


def _import_one(f: ArticleFile, report: ImportReport, actor: Actor | None) -> list:
    article = db.session.get(Article, f.id)
    if article is None:
        article = Article(
            id=f.id, product=_product(f.product, report), language=f.language, doc_type=f.doc_type
        )
        db.session.add(article)
        db.session.flush()
    versions = list(
        db.session.scalars(select(ArticleVersion).where(ArticleVersion.article_id == f.id))
    )
    same = next((v for v in versions if v.version == f.version), None)
    newest = max((v.version for v in versions), default=0)
    if same is not None:
        why = (
            "already imported"
            if same.body_hash == body_hash(f.content.body)
            else ("already imported with different content: raise the version to import the change")
        )
        report.skipped.append((f.path, f"{f.id} v{f.version} {why}"))
        return []
    if f.version < newest:
        report.skipped.append(
            (f.path, f"{f.id} v{f.version} is older than v{newest} in the database")
        )
        return []
    now = utcnow()
    changed = []
    if f.status == "approved":
        retired = retire_superseded(versions, f.version, now, actor)
        changed += [(old, "retired") for old in retired]
    version = new_version_row(
        article,
        f.version,
        f.content,
        status=f.status,
        source=f.path,
        approved_at=now if f.status == "approved" else None,
        retired_at=now if f.status == "retired" else None,
    )
    db.session.add(version)
    db.session.flush()
    record_event(
        "kb.version_imported",
        "kb_version",
        version.id,
        new=snapshot(version) | {"file": f.path},
        actor=actor,
    )
    report.imported.append(version.label)
    if f.status == "approved":
        changed.append((version, "approved"))
    return changed
