"""Escalation to medical review, the review queue and electronic signatures."""
