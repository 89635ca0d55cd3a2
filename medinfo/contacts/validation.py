"""Validation of registry numbers and phone numbers, and name normalisation."""

from __future__ import annotations

import unicodedata

import phonenumbers


def luhn_valid(digits: str) -> bool:
    """Tell whether a digit string passes the Luhn check."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def registry_error(registry_type: str | None, number: str | None) -> str | None:
    """Return why a registry number is invalid, or None when it is valid (or absent)."""
    if not number:
        return None
    digits = number.replace(" ", "")
    if registry_type == "rpps":
        if len(digits) != 11 or not digits.isdigit():
            return "An RPPS number has 11 digits."
        if not luhn_valid(digits):
            return "This RPPS number fails its check digit."
        return None
    if registry_type == "npi":
        if len(digits) != 10 or not digits.isdigit():
            return "An NPI has 10 digits."
        if not luhn_valid("80840" + digits):
            return "This NPI fails its check digit."
        return None
    return "Choose the registry type (RPPS or NPI)."


def normalise_phone(raw: str, default_region: str) -> str:
    """Return the number in E.164, or raise ValueError with a readable reason."""
    text = (raw or "").strip()
    if not text:
        raise ValueError("empty phone number")
    try:
        parsed = phonenumbers.parse(text, (default_region or "FR").upper())
    except phonenumbers.NumberParseException as exc:
        raise ValueError("not a phone number") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise ValueError("not a possible phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def phone_or_none(raw: str, default_region: str) -> str | None:
    """E.164 form of raw when it is a phone number, else None (for searches)."""
    digits = sum(ch.isdigit() for ch in raw or "")
    if digits < 6:
        return None
    try:
        return normalise_phone(raw, default_region)
    except ValueError:
        return None


def fold(text: str) -> str:
    """Lower-case and strip accents, for accent-insensitive name search."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def search_name(first: str, last: str) -> str:
    """The stored search key: folded last name then first name."""
    return f"{fold(last)} {fold(first)}".strip()
