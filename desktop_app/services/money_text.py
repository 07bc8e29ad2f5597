"""Money as people read it: "USD 1,234.50", from integer minor units, never floats.

The currency code comes first, so an amount cannot be mistaken for another currency.
The services use it in messages; the documents use it through ``reports.formatting``.
"""

from __future__ import annotations

#: Currencies whose amounts have no minor unit (ISO 4217 exponent 0).
ZERO_DECIMALS = frozenset({"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG"})
ZERO_DECIMALS |= frozenset({"RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"})


def money(amount_minor: int, currency: str) -> str:
    """Integer minor units as "USD 1,234.50" (no floats on the way)."""
    code = currency.upper()
    sign = "-" if amount_minor < 0 else ""
    amount = abs(amount_minor)
    if code in ZERO_DECIMALS:
        return f"{code} {sign}{amount:,}"
    major, minor = divmod(amount, 100)
    return f"{code} {sign}{major:,}.{minor:02d}"
