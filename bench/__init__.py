"""Benchmarks for Partner Log. Each compares against a baseline measured in the same run."""
