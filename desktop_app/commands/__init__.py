"""The ``partner-log`` subcommands, one small module each.

Each module has ``register(subparsers)``, which adds its parser and sets ``run`` to a
function taking the parsed arguments and returning an exit status.
"""

from desktop_app.commands import (
    add_expense,
    demo_data,
    exchange,
    maintenance,
    records,
    reports,
    restore,
    setup,
    summary,
)

MODULES = (setup, demo_data, records, add_expense, summary, maintenance, restore, reports, exchange)
