"""The coordinator's side: partners, files from partners, review, conflicts, payments."""
