"""Partner Log's face: PySide6 windows, pages and widgets.

Screens reach the records only through ``desktop_app.services`` (via a ``Workspace``).
"""
