"""Demo data (``manage.py seed_demo``) and the synthetic data set for benchmarks (``manage.py generate_dataset``).

A plain package, not a Django app: it sits at the top of the stack and may import every app. The management
commands in ``mentoring/management/commands/`` only parse their options and call into it.
"""
