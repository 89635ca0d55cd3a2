"""The reconciliation report (PV officers and auditors), on screen and as CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from functools import wraps
from typing import Any

from flask import Response, abort, current_app, render_template, request
from flask_login import current_user

from medinfo.database import utcnow
from medinfo.permissions import Permission
from medinfo.safety.reconciliation import GAP_CODES, gaps_csv, reconcile
from medinfo.safety.views import bp

DEFAULT_DAYS = 90
READERS = (Permission.PROCESS_SAFETY, Permission.VIEW_AUDIT)


def any_permission(*permissions: Permission) -> Callable:
    """Decorate a view reachable by users holding at least one of the permissions."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if not any(current_user.can(p) for p in permissions):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_permissions = permissions  # type: ignore[attr-defined]
        return wrapped

    return decorator


def _day(raw: str | None, default: date) -> date:
    try:
        return date.fromisoformat(raw or "")
    except ValueError:
        return default


def _window() -> tuple[date, date, datetime, datetime]:
    today = utcnow().date()
    first = _day(request.args.get("from"), today - timedelta(days=DEFAULT_DAYS))
    last = _day(request.args.get("to"), today)
    if last < first:
        first, last = last, first
    since = datetime.combine(first, time.min, tzinfo=UTC)
    until = datetime.combine(last + timedelta(days=1), time.min, tzinfo=UTC)
    return first, last, since, until


@bp.get("/reconciliation")
@any_permission(*READERS)
def reconciliation():
    """Interactions needing a report vs reports vs transferred vs acknowledged, with gaps."""
    first, last, since, until = _window()
    result = reconcile(since, until)
    return render_template(
        "safety/reconciliation.html",
        result=result,
        date_from=first.isoformat(),
        date_to=last.isoformat(),
        gap_counts=result.gap_counts(),
        gap_codes=GAP_CODES,
        can_add=current_user.can(Permission.REPORT_SAFETY),
    )


@bp.get("/reconciliation.csv")
@any_permission(*READERS)
def reconciliation_csv():
    """Every gap of the window as CSV."""
    first, last, since, until = _window()
    body = gaps_csv(reconcile(since, until))
    name = f"pv-reconciliation-{first.isoformat()}-{last.isoformat()}.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
