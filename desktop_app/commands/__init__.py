"""The ``partner-log`` subcommands, one small module each.

Each module has ``register(subparsers)``, which adds its parser and sets ``run`` to a
function taking the parsed arguments and returning an exit status.
"""

from desktop_app.commands import (
    add_expense,
    close_period,
    database_password,
    demo_data,
    exchange,
    import_sheet,
    maintenance,
    move_to,
    owed,
    pay,
    payments,
    rates,
    records,
    reports,
    restore,
    setup,
    summary,
    void_payment,
)

MODULES = (
    setup,
    demo_data,
    records,
    add_expense,
    summary,
    maintenance,
    restore,
    reports,
    exchange,
    import_sheet,
    rates,
    owed,
    pay,
    payments,
    void_payment,
    close_period,
    move_to,
    database_password,
)
