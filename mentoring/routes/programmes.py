"""URL patterns of the programmes pages, included under /o/<org>/ by config/urls.py."""

urlpatterns: list = []
