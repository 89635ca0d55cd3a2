"""`flask demo load`: demo users, products, contacts and ~90 days of past cases, idempotently.

Everything goes through the real services, so the data, the contact histories and the audit
trail look exactly as if agents had worked the cases. Cases are played inside a throw-away
request context with the owning agent logged in (the services take the owner and the audit
actor from flask_login's current_user); each one runs in its own app context, so nothing leaks
into the caller's ``g`` or session. Times the services stamp with "now" are then moved back to
the simulated moment through ``backdate``, which audits every change.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import Flask, current_app
from flask_login import login_user
from sqlalchemy import func, select

from medinfo.audit import record_event
from medinfo.audit.chain import SYSTEM
from medinfo.audit.models import AuditEvent
from medinfo.auth.models import User
from medinfo.auth.services import actor_of, create_user, find_user
from medinfo.catalog.models import Product
from medinfo.catalog.services import ProductData, create_product, find_product, update_product
from medinfo.contacts.models import Contact
from medinfo.contacts.services import create_contact
from medinfo.database import utcnow
from medinfo.demo.backdating import DEMO_ACTOR, backdate_case
from medinfo.demo.cases import CaseContact, CasePlan, PlannedCall, plan_cases
from medinfo.demo.people import make_people
from medinfo.demo.questions import DEMO_PRODUCTS
from medinfo.extensions import db
from medinfo.interactions.models import Call, InfoRequest, Interaction
from medinfo.interactions.services import (
    CallData,
    InteractionData,
    RequestData,
    answer_request,
    change_status,
    close_interaction,
    log_call,
    open_interaction,
    record_ae_screening,
)

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - printed demo login, never for real accounts
# (username, role, full name, language); the admin comes first because it creates the others.
DEMO_USERS: list[tuple[str, str, str, str]] = [
    ("admin", "admin", "Adrien Morel", "en"),
    ("amelie.roux", "agent", "Amélie Roux", "fr"),
    ("james.carter", "agent", "James Carter", "en"),
    ("nina.shah", "agent", "Nina Shah", "en"),
    ("dr.lefevre", "medical_reviewer", "Dr Claire Lefèvre", "fr"),
    ("dr.morgan", "medical_reviewer", "Dr Alan Morgan", "en"),
    ("sofia.berg", "pv_officer", "Sofia Berg", "en"),
    ("marc.olivier", "auditor", "Marc Olivier", "fr"),
]
STARTED, LOADED = "demo.started", "demo.loaded"
EVERY = 50


class DemoLoadError(RuntimeError):
    """An earlier demo load stopped half-way; loading again would duplicate data."""


@dataclass(frozen=True)
class DemoSummary:
    """What the database holds after a demo load, and how long the load took."""

    already_loaded: bool
    users: int
    products: int
    contacts: int
    interactions: int
    requests: int
    calls: int
    audit_events: int
    seconds: float

    def __str__(self) -> str:
        head = (
            "Demo data already loaded; nothing added."
            if self.already_loaded
            else f"Demo data loaded in {self.seconds:.1f} s."
        )
        return (
            f"{head} {self.users} users, {self.products} products, {self.contacts} contacts, "
            f"{self.interactions} interactions ({self.requests} requests, {self.calls} calls),"
            f" {self.audit_events} audit events."
        )


def _quiet(_phase: str, _done: int, _total: int) -> None:
    """Progress callback that reports nothing."""


def _ticker(progress: Progress, phase: str, total: int) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if done == total or done % EVERY == 0:
            progress(phase, done, total)

    return tick


@contextmanager
def acting_as(app: Flask, user_id: int) -> Iterator[User]:
    """Run service calls as this user, in a fresh app and request context (a fresh session)."""
    with app.app_context(), app.test_request_context("/demo/load"):
        user = db.session.get(User, user_id)
        # Detached, the user keeps its loaded columns across the services' commits instead of
        # being re-read from the database each time current_user is consulted.
        db.session.expunge(user)
        login_user(user)
        yield user


def _agents(language: str) -> list[str]:
    """Usernames of the agents who take cases in this language ("any": every agent)."""
    return [
        name
        for name, role, _full, lang in DEMO_USERS
        if role == "agent" and language in (lang, "any")
    ]


def _count(model: type[db.Model]) -> int:
    return db.session.scalar(select(func.count()).select_from(model)) or 0


def _has_marker(action: str) -> bool:
    return (
        db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == action).limit(1))
        is not None
    )


def _summary(already_loaded: bool, seconds: float) -> DemoSummary:
    return DemoSummary(
        already_loaded,
        _count(User),
        _count(Product),
        _count(Contact),
        _count(Interaction),
        _count(InfoRequest),
        _count(Call),
        _count(AuditEvent),
        seconds,
    )


def _load_users(progress: Progress) -> dict[str, int]:
    """Create the demo users that do not exist yet; return every demo user's id by username."""
    ids: dict[str, int] = {}
    tick = _ticker(progress, "users", len(DEMO_USERS))
    for done, (username, role, full_name, language) in enumerate(DEMO_USERS, 1):
        user = find_user(username)
        if user is None:
            actor = actor_of(db.session.get(User, ids["admin"])) if ids else SYSTEM
            user = create_user(
                username,
                DEMO_PASSWORD,
                role,
                full_name=full_name,
                email=f"{username}@medinfo-demo.example",
                language=language,
                actor=actor,
            )
        ids[username] = user.id
        tick(done)
    return ids


def _load_products(app: Flask, admin_id: int, progress: Progress) -> None:
    """Create the five demo products, or fill in what a KB import left empty."""
    tick = _ticker(progress, "products", len(DEMO_PRODUCTS))
    with acting_as(app, admin_id):
        for done, (name, inn, area, aliases) in enumerate(DEMO_PRODUCTS, 1):
            product = find_product(name)
            if product is None:
                create_product(ProductData(name, inn, area, list(aliases)))
            elif not (product.inn and product.therapeutic_area and product.aliases):
                update_product(
                    product,
                    ProductData(
                        product.name,
                        product.inn or inn,
                        product.therapeutic_area or area,
                        list(dict.fromkeys([*(product.aliases or []), *aliases])),
                        product.active,
                    ),
                )
            tick(done)


def _load_contacts(
    app: Flask, rng: random.Random, count: int, agents: dict[str, list[int]], progress: Progress
) -> list[CaseContact]:
    """Create count fictional contacts, each entered by an agent speaking their language."""
    people = make_people(rng, count)
    tick = _ticker(progress, "contacts", count)
    result = []
    for done, person in enumerate(people, 1):
        with acting_as(app, rng.choice(agents[person.data.language])):
            contact = create_contact(person.data, allow_duplicate=True)
            result.append(
                CaseContact(
                    contact.id,
                    contact.language,
                    contact.first_name,
                    contact.last_name,
                    contact.profession,
                    person.products,
                    tuple(p.e164 for p in contact.phones),
                    bool(contact.email),
                )
            )
        tick(done)
    return result


def _call_data(call: PlannedCall) -> CallData:
    return CallData(
        started_at=call.started_at,
        ended_at=call.ended_at,
        ani=call.ani,
        notes=call.notes,
        outcome=call.outcome,
        direction=call.direction,
    )


def _open(plan: CasePlan) -> Interaction:
    """Open the case with its first call, screen it and route it, as the agent."""
    interaction = open_interaction(
        InteractionData(
            channel=plan.channel,
            unsolicited=plan.unsolicited,
            language=plan.contact.language,
            requests=[RequestData(r.category, r.question, r.product) for r in plan.requests],
            contact_id=plan.contact.id,
            received_at=plan.received_at,
            requester_name=plan.requester[0],
            requester_relation=plan.requester[1],
            priority=plan.priority,
            call=_call_data(plan.call) if plan.call else None,
        ),
        commit=False,
    )  # committed by the next service call (one checkpoint write less)
    if plan.screening:
        record_ae_screening(interaction, plan.screening)
    if plan.reviewer:
        change_status(interaction, "escalated")
    elif plan.outcome == "pending_info":
        change_status(interaction, "pending_info")
    return interaction


def _answer(interaction: Interaction, plan: CasePlan) -> None:
    for request, planned in zip(interaction.requests, plan.requests, strict=True):
        answer_request(request, planned.answer)


def _finish(interaction: Interaction, plan: CasePlan) -> None:
    """Log the callback, mark the case answered and close it, as the agent."""
    if plan.callback:
        log_call(interaction, _call_data(plan.callback))
    change_status(interaction, "answered")
    if plan.outcome == "closed":
        close_interaction(interaction)


def _backdate(interaction: Interaction, plan: CasePlan) -> None:
    """Move the times the services stamped with "now" back into the simulated past (audited)."""
    times = {"ae_screened_at": plan.screened_at, "closed_at": plan.closed_at}
    answered = plan.request_times if interaction.all_answered else []
    backdate_case(interaction, {k: v for k, v in times.items() if v is not None}, answered)
    db.session.commit()


def play_case(app: Flask, plan: CasePlan, user_ids: dict[str, int]) -> int:
    """Replay one planned case through the services as its agent (and reviewer); return its id."""
    answered = plan.outcome in ("answered", "closed")
    with acting_as(app, user_ids[plan.agent]):
        interaction = _open(plan)
        interaction_id = interaction.id
        if answered and not plan.reviewer:
            _answer(interaction, plan)
            _finish(interaction, plan)
        if not (answered and plan.reviewer):
            _backdate(interaction, plan)
        db.session.commit()
    if answered and plan.reviewer:
        with acting_as(app, user_ids[plan.reviewer]):
            _answer(db.session.get(Interaction, interaction_id), plan)
        with acting_as(app, user_ids[plan.agent]):
            interaction = db.session.get(Interaction, interaction_id)
            _finish(interaction, plan)
            _backdate(interaction, plan)
    return interaction_id


def load_demo(
    *,
    seed: int = 7,
    contacts: int = 200,
    interactions: int = 1000,
    days: int = 90,
    progress: Progress | None = None,
) -> DemoSummary:
    """Load demo users, products, contacts and past cases; do nothing if already loaded."""
    if min(contacts, days) < 1 or interactions < 0:
        raise ValueError("contacts and days must be at least 1, interactions at least 0")
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    progress = progress or _quiet
    started = time.perf_counter()
    with app.app_context():
        if _has_marker(LOADED):
            return _summary(True, time.perf_counter() - started)
        if _has_marker(STARTED):
            raise DemoLoadError(
                "An earlier demo load was interrupted; start again from an empty "
                "database (flask db downgrade base && flask db upgrade)."
            )
        user_ids = _load_users(progress)
    _load_products(app, user_ids["admin"], progress)
    with app.app_context():
        record_event(
            STARTED,
            "demo",
            seed,
            actor=DEMO_ACTOR,
            new={"seed": seed, "contacts": contacts, "interactions": interactions, "days": days},
        )
        db.session.commit()

    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not a secret
    agents = {lang: _agents(lang) for lang in ("fr", "en", "any")}
    people = _load_contacts(
        app,
        rng,
        contacts,
        {lang: [user_ids[name] for name in names] for lang, names in agents.items()},
        progress,
    )
    reviewers = [name for name, role, *_ in DEMO_USERS if role == "medical_reviewer"]
    plans = plan_cases(rng, people, interactions, days, utcnow(), agents, reviewers)
    tick = _ticker(progress, "interactions", len(plans))
    for done, plan in enumerate(plans, 1):
        play_case(app, plan, user_ids)
        tick(done)

    with app.app_context():
        seconds = time.perf_counter() - started
        record_event(
            LOADED,
            "demo",
            seed,
            actor=DEMO_ACTOR,
            new={
                "contacts": _count(Contact),
                "interactions": _count(Interaction),
                "seconds": round(seconds, 1),
            },
        )
        db.session.commit()
        summary = _summary(False, seconds)
    logger.info("demo data loaded: %s", summary)
    return summary
