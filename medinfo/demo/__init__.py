"""Demo data for `flask demo load`: users, products, contacts and past interactions."""
