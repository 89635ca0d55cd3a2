"""Administration: users, products, API tokens."""
