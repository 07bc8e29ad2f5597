"""Package data for Partner Log: fonts, icons, translations and styles."""
