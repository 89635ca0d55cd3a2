"""Interactions (cases), their requests (questions) and calls."""
