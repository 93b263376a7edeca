"""The generated data set's fixed names and sizes: its password, e-mail domain, slug prefixes, default numbers
per school and batch sizes."""

DATASET_PASSWORD = "dataset-password-2026"  # noqa: S105 - a published password for synthetic benchmark accounts
EMAIL_DOMAIN = "gen.example"
MUNICIPALITY_PREFIX = "gen-m-"
ORGANIZATION_PREFIX = "gen-o-"
BATCH_SIZE = 2000
# Pending rows are written once this many users, or this many mentees and mentors, have been built: memory stays
# flat for any size (a chunk is a few schools).
FLUSH_USERS = 5000
FLUSH_PEOPLE = 10000
# Two-column link rows go in bigger batches.
LINK_BATCH_SIZE = 10000
MENTEES_PER_SCHOOL = 2000
MENTEES_PER_MENTOR = 15  # the default size of the mentors' base: one mentor record per this many mentees
