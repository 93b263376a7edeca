"""The person's calendar link (take one, replace it, revoke it) and the feed itself, read by Яндекс Календарь,
Outlook or a phone without a login: the secret in the address is the only key."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from core.tenancy import absolute_url
from mentoring.services import calendar


class CalendarSettingsView(TemplateView):
    """Any logged-in person's own calendar link."""

    template_name = "mentoring/calendar.html"

    def get_context_data(self, **kwargs):
        feed = calendar.feed_of(self.request.user)
        url = absolute_url(reverse("calendar_feed", kwargs={"token": feed.token})) if feed else ""
        return super().get_context_data(feed=feed, feed_url=url, webcal_url=url.replace("http", "webcal", 1), **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "revoke":
            if calendar.revoke_feed(request.user):
                messages.success(request, "Ссылка на календарь отозвана: по ней больше ничего не открывается.")
        else:
            replaced = calendar.feed_of(request.user) is not None
            calendar.new_feed(request.user)
            messages.success(
                request,
                "Создана новая ссылка; прежняя больше не работает." if replaced else "Ссылка на календарь создана.",
            )
        return redirect("calendar_settings")


@method_decorator(login_not_required, name="dispatch")
class CalendarFeedView(View):
    def get(self, request, token):
        text = calendar.read_feed(token)
        if text is None:
            raise Http404("Ссылка на календарь не найдена или отозвана.")
        response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="nastavnichestvo.ics"'
        response["Cache-Control"] = "private, no-store"
        return response
