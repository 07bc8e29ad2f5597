"""Bring in old records: choose a spreadsheet, answer what the sheet does not say,
check every row, confirm, and undo if it was the wrong sheet."""
