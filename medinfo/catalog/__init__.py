"""Products: brand, INN, therapeutic area and aliases (used for routing and search synonyms)."""
