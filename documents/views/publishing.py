"""The settings of the «Наставничество» section for the director (a school) or the municipal coordinator: switch
it on, write the intro and the contact, see what it publishes and copy the ``<iframe>`` code for the school's own
site."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.tenancy import absolute_url
from mentoring.forms.base import PlainTextFormMixin

from ..kinds import all_kinds
from ..models import PublicPage
from ..services import publication
from .level import PUBLISH, Level


class PublicPageForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = PublicPage
        fields = ["enabled", "intro", "contact"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "enabled": "Пока раздел выключен, его адрес отвечает «страница не найдена».",
            "intro": "Несколько предложений о наставничестве в вашей организации; без имён обучающихся.",
        }


def public_urls(level: str, slug: str) -> dict[str, str]:
    prefix = "public_school" if level == "school" else "public_municipal"
    return {
        "page": absolute_url(reverse(f"{prefix}_page", kwargs={"slug": slug})),
        "embed": absolute_url(reverse(f"{prefix}_embed", kwargs={"slug": slug})),
    }


class PublicPageSettingsView(Level, TemplateView):
    required_capability = PUBLISH
    template_name = "documents/public_settings.html"

    def get_context_data(self, **kwargs):
        page = kwargs.pop("page", None) or publication.settings_of(self.request.tenant)
        kwargs.setdefault("form", PublicPageForm(instance=page))
        urls = public_urls(self.level, self.request.tenant.slug)
        return super().get_context_data(
            page=page,
            section=publication.Section(self.request.tenant, page),
            urls=urls,
            private_kinds=[kind for kind in all_kinds(self.level) if kind not in publication.public_kinds(self.level)],
            iframe=f'<iframe src="{urls["embed"]}" title="Наставничество" width="100%" height="600" '
            'style="border:0" loading="lazy"></iframe>',
            **self.level_context(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        page = publication.settings_of(request.tenant)
        form = PublicPageForm(request.POST, instance=page)
        if not form.is_valid():
            messages.error(request, "Не сохранено: исправьте отмеченные поля.")
            return self.render_to_response(self.get_context_data(page=page, form=form))
        page = publication.save_settings(form.instance, actor=request.user, request=request)
        messages.success(
            request, "Сохранено: раздел опубликован." if page.enabled else "Сохранено: раздел выключен и не виден."
        )
        return redirect(reverse(f"{self.prefix}public_page_settings", kwargs=self.kwargs))
