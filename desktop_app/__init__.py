"""Partner Log core: storage, domain services, reports and exchange files.

This package is pure Python. It never imports PySide6 or the ``ui`` package.
"""

__version__ = "0.1.0"
APP_NAME = "Partner Log"
