"""`flask demo load`: demo users, products, contacts and ~90 days of past cases, idempotently.

Everything goes through the real services, so the data, the contact histories and the audit
trail look exactly as if agents had worked the cases: the admin first sets up routing (queues,
rules, skills, calendar, SLA policies, desk.py), then each case is replayed (replay.py) as the
people who worked it, with its safety report, PV handling and medical review (scenarios.py).
Each step runs inside a throw-away request context with its user logged in (the services take
the owner and the audit actor from flask_login's current_user), in its own app context, so
nothing leaks into the caller's ``g`` or session. Times the services stamp with "now" are moved
back to the simulated moment through the backdating functions, which audit every change.

Knowledge-base versions are attached to the answers that name them ("use in answer") when the
articles are already imported; with no KB yet the cases are loaded without them (a later import
cannot attach them: closed cases and signed answers do not change).

The domain signals are muted during the load: they only feed the live desk, which has nothing
to show about cases that happened weeks ago.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import func, select

from medinfo import signals
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
from medinfo.demo.backdating import DEMO_ACTOR
from medinfo.demo.cases import CaseContact, plan_cases
from medinfo.demo.desk import set_up_desk
from medinfo.demo.people import make_people
from medinfo.demo.questions import DEMO_PRODUCTS
from medinfo.demo.replay import Replay, acting_as, play_case
from medinfo.demo.scenarios import assign_roles
from medinfo.extensions import db
from medinfo.interactions.models import Call, InfoRequest, Interaction
from medinfo.kb.models import ArticleVersion
from medinfo.review.models import Escalation, Signature
from medinfo.safety.models import SafetyReport

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
SIGNALS = (
    "interaction_changed",
    "contact_changed",
    "interaction_assigned",
    "escalation_changed",
    "safety_report_changed",
    "article_changed",
)
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
    safety_reports: int
    escalations: int
    signatures: int
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
            f" {self.safety_reports} safety reports, {self.escalations} escalations"
            f" ({self.signatures} signed), {self.audit_events} audit events."
        )


def _quiet(_phase: str, _done: int, _total: int) -> None:
    """Progress callback that reports nothing."""


def _ticker(progress: Progress, phase: str, total: int) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if done == total or done % EVERY == 0:
            progress(phase, done, total)

    return tick


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
        _count(SafetyReport),
        _count(Escalation),
        _count(Signature),
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


@contextmanager
def muted_signals() -> Iterator[None]:
    """Mute the domain signals (they only feed the live desk) for the length of the block."""
    with ExitStack() as stack:
        for name in SIGNALS:
            stack.enter_context(getattr(signals, name).muted())
        yield


def _load_cases(
    app: Flask,
    seed: int,
    contacts: int,
    interactions: int,
    days: int,
    user_ids: dict[str, int],
    progress: Progress,
) -> None:
    """Create the contacts, plan the cases and their roles, and replay them."""
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
    now = utcnow()
    plans = plan_cases(rng, people, interactions, days, now, agents, reviewers)
    roles_rng = random.Random(f"{seed}:roles")  # noqa: S311 - its own draws: plans stay as they are
    assign_roles(roles_rng, plans, people, now, agents, reviewers)
    with app.app_context():
        with_kb = db.session.scalar(select(ArticleVersion.id).limit(1)) is not None
    replay = Replay(app, user_ids, DEMO_PASSWORD, seed, with_kb)
    tick = _ticker(progress, "interactions", len(plans))
    for done, plan in enumerate(plans, 1):
        play_case(replay, plan)
        tick(done)


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
    with muted_signals():
        _load_products(app, user_ids["admin"], progress)
        with app.app_context():
            record_event(STARTED, "demo", seed, actor=DEMO_ACTOR, new={
                "seed": seed, "contacts": contacts, "interactions": interactions, "days": days
            })  # fmt: skip
            db.session.commit()
        with acting_as(app, user_ids["admin"]):
            progress("routing", 0, 1)
            set_up_desk(user_ids)
            progress("routing", 1, 1)
        _load_cases(app, seed, contacts, interactions, days, user_ids, progress)

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
