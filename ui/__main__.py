"""Allow ``python -m ui``: the same as the ``partner-log`` command."""

from ui.launcher import main

raise SystemExit(main())
