"""A person's notifications, of every tenant they work in (``core.tenancy.user_scope``)."""

from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from ..models import Notification
from ..tenancy import user_scope


class NotificationListView(TemplateView):
    template_name = "core/notifications.html"

    def get_context_data(self, **kwargs):
        with user_scope(self.request.user):
            notifications = list(Notification.objects.filter(user=self.request.user)[:100])
        return super().get_context_data(notifications=notifications, **kwargs)

    def post(self, request, *args, **kwargs):
        with user_scope(request.user):
            Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
        return redirect("notifications")


class NotificationOpenView(View):
    def get(self, request, pk):
        with user_scope(request.user):
            notification = get_object_or_404(Notification, pk=pk, user=request.user)
            if notification.read_at is None:
                Notification.objects.filter(pk=pk).update(read_at=timezone.now())
        return redirect(notification.url)
