"""Use cases: every change to the records goes through a function here.

Each function takes a SQLAlchemy ``Session``; the caller owns the transaction, so the
GUI, the command line and the importer all share the same rules.
"""
