"""Command-line interface: flask users / tokens / demo / audit (kb commands live with kb)."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from medinfo.audit.chain import SYSTEM
from medinfo.kb.cli import kb_cli

users_cli = AppGroup("users", help="Manage users.")
tokens_cli = AppGroup("tokens", help="Manage API bearer tokens.")
demo_cli = AppGroup("demo", help="Demo data.")
audit_cli = AppGroup("audit", help="The audit trail.")


def _read_password(prompt: str) -> str:
    """Prompt twice on a terminal; read one line from stdin when piped."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt(prompt, hide_input=True, confirmation_prompt=True)


@users_cli.command("create")
@click.argument("username")
@click.option("--role", required=True, help="agent, medical_reviewer, pv_officer, auditor, admin")
@click.option("--full-name", default="", help="Display name.")
@click.option("--email", default=None)
@click.option("--language", default="en", type=click.Choice(["en", "fr"]))
def users_create(
    username: str, role: str, full_name: str, email: str | None, language: str
) -> None:
    """Create a user (password prompted, or read from stdin when piped)."""
    from medinfo.auth.services import create_user
    from medinfo.errors import ValidationFailed

    password = _read_password("Password")
    try:
        user = create_user(
            username,
            password,
            role,
            full_name=full_name,
            email=email,
            language=language,
            actor=SYSTEM,
        )
    except ValidationFailed as exc:
        for field, message in exc.fields.items():
            click.echo(f"error: {field}: {message}", err=True)
        raise SystemExit(2) from None
    click.echo(f"created user {user.username} ({user.role})")


@tokens_cli.command("create")
@click.argument("username")
@click.option("--name", default="integration", help="What the token is for.")
def tokens_create(username: str, name: str) -> None:
    """Create an API token for USERNAME and print it (shown once)."""
    from medinfo.auth.services import create_token, find_user

    user = find_user(username)
    if user is None:
        click.echo(f"error: no user {username!r}", err=True)
        raise SystemExit(2)
    _token, plain = create_token(user, name, actor=SYSTEM)
    click.echo(plain)


@tokens_cli.command("revoke")
@click.argument("prefix")
def tokens_revoke(prefix: str) -> None:
    """Revoke the token whose value starts with PREFIX (its first 12 characters)."""
    from sqlalchemy import select

    from medinfo.auth.models import ApiToken
    from medinfo.auth.services import revoke_token
    from medinfo.extensions import db

    token = db.session.scalar(select(ApiToken).where(ApiToken.prefix == prefix[:12]))
    if token is None or token.is_revoked:
        click.echo("error: no such active token", err=True)
        raise SystemExit(2)
    revoke_token(token, actor=SYSTEM)
    click.echo(f"revoked {token.prefix}…")


@audit_cli.command("verify")
def audit_verify() -> None:
    """Verify the HMAC chain; exit 0 when intact, 1 naming the first bad entry."""
    from medinfo.audit.chain import verify_chain

    result = verify_chain()
    if result.ok:
        click.echo(f"audit trail intact: {result.checked} events verified")
        return
    click.echo(
        f"AUDIT TRAIL BROKEN at event #{result.bad_seq}: {result.problem} "
        f"({result.checked} events verified before it)",
        err=True,
    )
    raise SystemExit(1)


@demo_cli.command("load")
@click.option("--contacts", default=200, show_default=True)
@click.option("--interactions", default=1000, show_default=True)
def demo_load(contacts: int, interactions: int) -> None:
    """Load demo users, products, contacts and interactions (idempotent)."""
    from medinfo.demo.loader import DEMO_PASSWORD, DEMO_USERS, DemoLoadError, load_demo

    def progress(phase: str, done: int, total: int) -> None:
        click.echo(f"\r  {phase}: {done}/{total}", nl=done >= total)

    try:
        summary = load_demo(contacts=contacts, interactions=interactions, progress=progress)
    except DemoLoadError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(1) from None
    click.echo(str(summary))
    click.echo(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
    for username, role, full_name, _lang in DEMO_USERS:
        click.echo(f"  {username:<12} {role:<17} {full_name}")


def register_commands(app: Flask) -> None:
    """Attach the command groups to the app."""
    for group in (users_cli, tokens_cli, demo_cli, audit_cli, kb_cli):
        app.cli.add_command(group)
    from medinfo.safety.cli import safety_cli

    app.cli.add_command(safety_cli)
