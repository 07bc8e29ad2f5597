"""Money as people read it: "USD 1,234.50", from integer minor units, never floats.

The currency code comes first, so an amount cannot be mistaken for another currency.
The digits follow the language (Babel's locale data): "USD 1,234.50" in English,
"USD 1234,50" in Spanish. How many decimals a currency has comes from Babel too.
The services use it in messages; the documents use it through ``reports.formatting``.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal, get_currency_precision

from desktop_app.i18n import babel_locale

#: Currencies whose amounts have no minor unit (ISO 4217 exponent 0). Babel agrees for
#: most; this table wins where its data still counts a unit no one uses.
ZERO_DECIMALS = frozenset({"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG"})
ZERO_DECIMALS |= frozenset({"RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"})


def decimals(currency: str) -> int:
    """How many digits follow the decimal mark in ``currency`` (2 for USD, 0 for JPY)."""
    code = currency.upper()
    return 0 if code in ZERO_DECIMALS else get_currency_precision(code)


def money(amount_minor: int, currency: str, language: str | None = None) -> str:
    """Integer minor units as "USD 1,234.50" (no floats on the way)."""
    code = currency.upper()
    places = decimals(code)
    amount = Decimal(amount_minor).scaleb(-places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return f"{code} {format_decimal(amount, format=pattern, locale=babel_locale(language))}"
