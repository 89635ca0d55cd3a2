"""Users, logins, sessions and API tokens."""
