"""The PDF reports: the contribution certificate, the statement and the project report.

Every PDF embeds its fonts, escapes user text, falls back per character to a font that
has the glyph, and is written atomically. Nothing here imports Qt.
"""
