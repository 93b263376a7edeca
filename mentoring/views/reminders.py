"""The curator's page of reminders: which the school sends (switches) and what was sent to whom."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.roles import Capability
from mentoring.models import Reminder, ReminderSettings
from mentoring.services.reminders import settings_of

LISTED = 100


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["quiet_pair", "overdue_activity"]


class ReminderListView(TemplateView):
    required_capability = Capability.MANAGE_PROGRAMME
    template_name = "mentoring/reminders.html"

    def get_context_data(self, **kwargs):
        reminders = Reminder.objects.select_related("user")
        return super().get_context_data(
            form=kwargs.pop("form", None) or ReminderSettingsForm(instance=settings_of(self.request.tenant)),
            reminders=reminders[:LISTED],
            total=reminders.count(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ReminderSettingsForm(request.POST, instance=settings_of(request.tenant))
        form.instance.organization = request.tenant
        form.save()
        messages.success(request, "Настройки напоминаний сохранены.")
        return redirect("reminders", org=request.tenant.slug)
