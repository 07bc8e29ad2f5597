"""First-run set-up: one question at a time."""
