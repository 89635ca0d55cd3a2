"""Queues, routing rules, agent skills and availability, assignment, SLA policies and calendars."""
