"""Benchmarks: ``make bench`` runs them against PostgreSQL and prints the figures (no timing in tests)."""
