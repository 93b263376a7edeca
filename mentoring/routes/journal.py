"""URL patterns of the journal pages, included under /o/<org>/ by config/urls.py."""

urlpatterns: list = []
