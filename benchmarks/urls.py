"""The portal's URLs plus the two floors the benchmarks measure against; served only by the benchmarks (through
``override_settings`` in ``pages`` and ``benchmarks.settings`` under gunicorn in ``load``), never by the portal.

- ``/o/<school>/bench-floor/``: a tenant page through the whole middleware (session, auth, tenancy, CSP,
  context processors) whose view renders the base template with no queries of its own;
- ``/bench-bare/``: a bare Django view, no session, no template, no query.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path
from django.views.generic import TemplateView

from config.urls import urlpatterns as portal_urlpatterns
from core.roles import Capability


class FloorView(TemplateView):
    """The least a tenant page costs: the base template, nothing of its own."""

    required_capability = Capability.VIEW_SCHOOL_HOME
    template_name = "base.html"


@login_not_required
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("o/<slug:org>/bench-floor/", FloorView.as_view(), name="bench_floor"),
    path("bench-bare/", bare, name="bench_bare"),
    *portal_urlpatterns,
]
