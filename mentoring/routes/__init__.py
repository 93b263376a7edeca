"""School URL patterns grouped by area; config/urls.py includes each under /o/<org>/."""
