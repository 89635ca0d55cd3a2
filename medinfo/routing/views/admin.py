"""Admin pages for queues, routing rules, agent skills, calendars and SLA policies."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.errors import ValidationFailed
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.labels import label
from medinfo.permissions import Permission, permission_required
from medinfo.routing import admin as services
from medinfo.routing.assignment import can_work
from medinfo.routing.forms import CalendarForm, PolicyForm, QueueForm, RuleForm, SkillsForm
from medinfo.routing.models import AgentProfile, Queue, RoutingRule, SlaCalendar, SlaPolicy
from medinfo.routing.views import bp

ADMIN = Permission.MANAGE_CATALOG


def _workers() -> list[User]:
    users = db.session.scalars(select(User).order_by(User.username)).all()
    return [u for u in users if can_work(u)]


def _products() -> list[Product]:
    return list(db.session.scalars(select(Product).order_by(Product.name)))


def _save(form, build: Callable[[], object], done: str, back: str, title: str, **ctx):
    """Validate, call the service, show field errors or go back to the list."""
    for f in form:
        if f.type == "SelectField" and f.data is None:
            f.data = ""  # an empty "any" choice left out of the post
    if form.validate_on_submit():
        try:
            build()
        except ValidationFailed as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields)
        else:
            flash(done, "success")
            return redirect(url_for(back))
    return render_template(
        "routing/admin_form.html", form=form, title=title, back=url_for(back), **ctx
    )


def _get(model, ident: int | None):
    if ident is None:
        return None
    return db.session.get(model, ident) or abort(404)


def _table(title: str, headers: list[str], rows: list[tuple[str, list]], new: str | None):
    return render_template(
        "routing/admin_list.html", title=title, headers=headers, rows=rows, new_url=new
    )


# -- queues -----------------------------------------------------------------------------------


@bp.get("/queues")
@permission_required(ADMIN)
def queues():
    """All queues."""
    rows = [
        (
            url_for("routing.queue", queue_id=q.id),
            [q.key, q.name, len(q.members), "✓" if q.is_default else "", "✓" if q.active else "—"],
        )
        for q in db.session.scalars(select(Queue).order_by(Queue.key))
    ]
    headers = [_("Key"), _("Name"), _("Members"), _("Default"), _("Active")]
    return _table(_("Queues"), headers, rows, url_for("routing.queue"))


@bp.route("/queues/new", methods=["GET", "POST"])
@bp.route("/queues/<int:queue_id>", methods=["GET", "POST"])
@permission_required(ADMIN)
def queue(queue_id: int | None = None):
    """Create or edit a queue."""
    existing = _get(Queue, queue_id)
    form = QueueForm(obj=existing)
    form.member_ids.choices = [(u.id, f"{u.display_name} ({u.role})") for u in _workers()]
    if existing is not None and not form.is_submitted():
        form.member_ids.data = [m.user_id for m in existing.members]
    data = services.QueueData(
        key=form.key.data or "",
        name=form.name.data or "",
        description=form.description.data or "",
        is_default=form.is_default.data,
        active=form.active.data,
        member_ids=form.member_ids.data or [],
    )
    title = existing.name if existing else _("New queue")
    return _save(
        form,
        lambda: services.save_queue(data, existing),
        _("Queue saved."),
        "routing.queues",
        title,
    )


# -- rules ------------------------------------------------------------------------------------


@bp.get("/rules")
@permission_required(ADMIN)
def rules():
    """Routing rules in the order they are tried."""
    rows = []
    for r in db.session.scalars(select(RoutingRule).order_by(RoutingRule.position, RoutingRule.id)):
        match = ", ".join(
            f"{name}={value}"
            for name, value in (
                ("category", r.category),
                ("product", r.product.name if r.product else None),
                ("area", r.therapeutic_area),
                ("country", r.country),
                ("language", r.language),
                ("channel", r.channel),
                ("priority", r.priority),
            )
            if value
        )
        action = r.queue.key + (f" · {r.set_priority}" if r.set_priority else "")
        action += f" · {r.owner.display_name}" if r.owner else ""
        rows.append(
            (
                url_for("routing.rule", rule_id=r.id),
                [r.position, r.name, match or _("anything"), action, "✓" if r.active else "—"],
            )
        )
    headers = [_("Position"), _("Name"), _("Matches"), _("Goes to"), _("Active")]
    return _table(_("Routing rules"), headers, rows, url_for("routing.rule"))


@bp.route("/rules/new", methods=["GET", "POST"])
@bp.route("/rules/<int:rule_id>", methods=["GET", "POST"])
@permission_required(ADMIN)
def rule(rule_id: int | None = None):
    """Create or edit a routing rule."""
    existing = _get(RoutingRule, rule_id)
    form = RuleForm(obj=existing)
    if existing is not None and not form.is_submitted():
        for name in ("category", "language", "channel", "priority", "set_priority"):
            getattr(form, name).data = getattr(existing, name) or ""
        form.product_id.data = existing.product_id or 0
        form.owner_id.data = existing.owner_id or 0
    form.product_id.choices = [(0, _("Any"))] + [(p.id, p.name) for p in _products()]
    form.queue_id.choices = [(q.id, q.name) for q in db.session.scalars(select(Queue))]
    form.owner_id.choices = [(0, _("Round-robin"))] + [(u.id, u.display_name) for u in _workers()]
    data = services.RuleData(
        name=form.name.data or "",
        position=form.position.data if form.position.data is not None else -1,
        queue_id=form.queue_id.data or None,
        active=form.active.data,
        category=form.category.data or "",
        product_id=form.product_id.data or None,
        therapeutic_area=form.therapeutic_area.data or "",
        country=form.country.data or "",
        language=form.language.data or "",
        channel=form.channel.data or "",
        priority=form.priority.data or "",
        set_priority=form.set_priority.data or "",
        owner_id=form.owner_id.data or None,
    )
    title = existing.name if existing else _("New routing rule")
    return _save(
        form, lambda: services.save_rule(data, existing), _("Rule saved."), "routing.rules", title
    )


# -- agent skills -----------------------------------------------------------------------------


@bp.get("/agents")
@permission_required(ADMIN)
def agents():
    """Agents' skills and availability."""
    names = {p.id: p.name for p in _products()}
    rows = []
    for user in _workers():
        profile = db.session.get(AgentProfile, user.id)
        products = ", ".join(names.get(i, "?") for i in (profile.product_ids if profile else []))
        languages = ", ".join(profile.languages) if profile else ""
        available = _("available") if profile and profile.available else _("away")
        rows.append(
            (
                url_for("routing.agent", user_id=user.id),
                [
                    user.display_name,
                    label(user.role, "role"),
                    products or "—",
                    languages or "—",
                    available,
                ],
            )
        )
    headers = [_("Agent"), _("Role"), _("Products"), _("Languages"), _("Availability")]
    return _table(_("Agent skills"), headers, rows, None)


@bp.route("/agents/<int:user_id>", methods=["GET", "POST"])
@permission_required(ADMIN)
def agent(user_id: int):
    """Edit one agent's skills and availability."""
    user = _get(User, user_id)
    profile = db.session.get(AgentProfile, user.id)
    form = SkillsForm()
    form.product_ids.choices = [(p.id, p.name) for p in _products()]
    if not form.is_submitted() and profile is not None:
        form.product_ids.data = profile.product_ids
        form.languages.data = profile.languages
        form.available.data = profile.available
    data = services.SkillsData(
        product_ids=form.product_ids.data or [],
        languages=form.languages.data or [],
        available=form.available.data,
    )
    return _save(
        form,
        lambda: services.save_skills(user, data),
        _("Skills saved."),
        "routing.agents",
        user.display_name,
    )


# -- calendars --------------------------------------------------------------------------------


@bp.get("/calendars")
@permission_required(ADMIN)
def calendars():
    """Business calendars."""
    rows = [
        (
            url_for("routing.calendar", calendar_id=c.id),
            [
                c.name,
                c.timezone,
                f"{c.opens}–{c.closes}",
                c.holiday_country or "—",
                len(c.extra_holidays or []),
                "✓" if c.is_default else "",
            ],
        )
        for c in db.session.scalars(select(SlaCalendar).order_by(SlaCalendar.name))
    ]
    headers = [
        _("Name"),
        _("Time zone"),
        _("Hours"),
        _("Holidays of"),
        _("Other days"),
        _("Default"),
    ]
    return _table(_("Calendars"), headers, rows, url_for("routing.calendar"))


@bp.route("/calendars/new", methods=["GET", "POST"])
@bp.route("/calendars/<int:calendar_id>", methods=["GET", "POST"])
@permission_required(ADMIN)
def calendar(calendar_id: int | None = None):
    """Create or edit a business calendar."""
    existing = _get(SlaCalendar, calendar_id)
    form = CalendarForm(obj=existing)
    if existing is not None and not form.is_submitted():
        form.extra_holidays.data = "\n".join(existing.extra_holidays or [])
    data = services.CalendarData(
        name=form.name.data or "",
        timezone=form.timezone.data or "",
        working_days=form.working_days.data or [],
        opens=form.opens.data or "",
        closes=form.closes.data or "",
        holiday_country=form.holiday_country.data or "",
        extra_holidays=(form.extra_holidays.data or "").replace(",", "\n").splitlines(),
        is_default=form.is_default.data,
    )
    title = existing.name if existing else _("New calendar")
    return _save(
        form,
        lambda: services.save_calendar(data, existing),
        _("Calendar saved."),
        "routing.calendars",
        title,
    )


# -- SLA policies -----------------------------------------------------------------------------


@bp.get("/policies")
@permission_required(ADMIN)
def policies():
    """SLA policies."""
    rows = [
        (
            url_for("routing.policy", policy_id=p.id),
            [
                p.name,
                p.clock,
                p.category or _("any"),
                p.priority or _("any"),
                f"{p.target_minutes // 60}h {p.target_minutes % 60:02d}m",
                p.calendar.name if p.calendar else _("default"),
                "✓" if p.active else "—",
            ],
        )
        for p in db.session.scalars(select(SlaPolicy).order_by(SlaPolicy.clock, SlaPolicy.name))
    ]
    headers = [
        _("Name"),
        _("Clock"),
        _("Category"),
        _("Priority"),
        _("Target"),
        _("Calendar"),
        _("Active"),
    ]
    return _table(_("SLA policies"), headers, rows, url_for("routing.policy"))


@bp.route("/policies/new", methods=["GET", "POST"])
@bp.route("/policies/<int:policy_id>", methods=["GET", "POST"])
@permission_required(ADMIN)
def policy(policy_id: int | None = None):
    """Create or edit an SLA policy."""
    existing = _get(SlaPolicy, policy_id)
    form = PolicyForm(obj=existing)
    if existing is not None and not form.is_submitted():
        form.category.data = existing.category or ""
        form.priority.data = existing.priority or ""
        form.calendar_id.data = existing.calendar_id or 0
    form.calendar_id.choices = [(0, _("Default calendar"))] + [
        (c.id, c.name) for c in db.session.scalars(select(SlaCalendar).order_by(SlaCalendar.name))
    ]
    data = services.PolicyData(
        name=form.name.data or "",
        clock=form.clock.data or "",
        target_minutes=form.target_minutes.data,
        warn_minutes=form.warn_minutes.data,
        category=form.category.data or "",
        priority=form.priority.data or "",
        calendar_id=form.calendar_id.data or None,
        active=form.active.data,
    )
    title = existing.name if existing else _("New SLA policy")
    return _save(
        form,
        lambda: services.save_policy(data, existing),
        _("SLA policy saved."),
        "routing.policies",
        title,
    )
