"""URL patterns of the pairs pages, included under /o/<org>/ by config/urls.py."""

urlpatterns: list = []
