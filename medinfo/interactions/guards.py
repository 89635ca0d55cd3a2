"""Rules other domains add to closing an interaction (e.g. a safety report for a 'yes')."""

from __future__ import annotations

from collections.abc import Callable

from medinfo.interactions.models import Interaction

CloseGuard = Callable[[Interaction], str | None]
_GUARDS: list[CloseGuard] = []


def register_close_guard(guard: CloseGuard) -> CloseGuard:
    """Register a function that returns a reason to refuse closing, or None."""
    _GUARDS.append(guard)
    return guard


def close_blockers(interaction: Interaction) -> list[str]:
    """Every reason currently preventing this interaction from closing."""
    return [problem for guard in _GUARDS if (problem := guard(interaction))]
