"""Contacts (HCPs and other callers) and their history."""
