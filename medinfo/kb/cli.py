"""`flask kb import PATH` and `flask kb reindex`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

kb_cli = AppGroup("kb", help="The knowledge base: import articles, rebuild the search index.")


def _progress(phase: str, done: int, total: int) -> None:
    click.echo(f"\r  {phase}: {done}/{total}", nl=done >= total)


@kb_cli.command("import")
@click.argument("path", type=click.Path(file_okay=False, path_type=str))
def kb_import(path: str) -> None:
    """Import the article files under PATH (<language>/<product>/<slug>.md): all or nothing."""
    from medinfo.audit.chain import SYSTEM
    from medinfo.kb.importer import import_folder

    report = import_folder(path, actor=SYSTEM, progress=_progress)
    if not report.ok:
        click.echo(f"{len(report.problems)} problem(s); nothing was imported:", err=True)
        for file, reason in report.problems:
            click.echo(f"  {file}: {reason}", err=True)
        raise SystemExit(1)
    for file, reason in report.skipped:
        click.echo(f"  skipped {file}: {reason}")
    for file in report.ignored:
        click.echo(f"  ignored {file} (not at <language>/<product>/<slug>.md)")
    if report.products_created:
        click.echo(f"  products created: {', '.join(report.products_created)}")
    click.echo(
        f"imported {len(report.imported)} version(s), skipped {len(report.skipped)}; "
        f"search index holds {report.indexed} article(s)"
    )


@kb_cli.command("reindex")
def kb_reindex() -> None:
    """Rebuild the search index from the database (searches keep working meanwhile)."""
    from medinfo.kb.indexing import rebuild_index

    def progress(done: int, total: int | None) -> None:
        _progress("indexing", done, total or done)

    count = rebuild_index(progress=progress)
    click.echo(f"search index rebuilt: {count} article(s)")
