"""Live safety screening of call notes: adverse events, special situations, quality complaints."""

from .screener import Flag, ScreeningResult, screen

__all__ = ["Flag", "ScreeningResult", "screen"]
