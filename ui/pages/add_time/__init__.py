"""Add my time: one question per page, then Check your answers."""
