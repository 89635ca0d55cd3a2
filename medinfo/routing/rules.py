"""Routing-rule matching: pure functions over a case's facts, no database writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from medinfo.interactions.models import Interaction
from medinfo.routing.models import RoutingRule


@dataclass(frozen=True)
class CaseFacts:
    """What routing rules look at in a case."""

    categories: frozenset[str]
    product_ids: frozenset[int]
    therapeutic_areas: frozenset[str]
    country: str
    language: str
    channel: str
    priority: str


def facts_of(interaction: Interaction) -> CaseFacts:
    """The routing facts of an interaction (every request's category and product count)."""
    requests = interaction.requests
    return CaseFacts(
        categories=frozenset(r.category for r in requests),
        product_ids=frozenset(r.product.id for r in requests if r.product is not None),
        therapeutic_areas=frozenset(
            r.product.therapeutic_area.strip().lower()
            for r in requests
            if r.product is not None and r.product.therapeutic_area
        ),
        country=(interaction.country or "").upper(),
        language=interaction.language or "",
        channel=interaction.channel or "",
        priority=interaction.priority or "normal",
    )


def rule_matches(rule: RoutingRule, facts: CaseFacts) -> bool:
    """Every field the rule sets must match; empty fields match anything."""
    checks = (
        (rule.category, lambda v: v in facts.categories),
        (rule.product_id, lambda v: v in facts.product_ids),
        (rule.therapeutic_area, lambda v: v.strip().lower() in facts.therapeutic_areas),
        (rule.country, lambda v: v.upper() == facts.country),
        (rule.language, lambda v: v == facts.language),
        (rule.channel, lambda v: v == facts.channel),
        (rule.priority, lambda v: v == facts.priority),
    )
    return all(check(value) for value, check in checks if value not in (None, ""))


def first_match(rules: Iterable[RoutingRule], facts: CaseFacts) -> RoutingRule | None:
    """The first active rule (by position, then id) that matches, or None."""
    ordered = sorted((r for r in rules if r.active), key=lambda r: (r.position, r.id or 0))
    return next((r for r in ordered if rule_matches(r, facts)), None)
