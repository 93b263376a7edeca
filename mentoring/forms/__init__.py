"""Forms of the mentoring app, one module per area; shared pieces live in ``base``."""
