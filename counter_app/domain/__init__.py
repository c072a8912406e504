"""Pure rules of the one-stop counter: statuses, codes, calendar maths, validation (stdlib only)."""
