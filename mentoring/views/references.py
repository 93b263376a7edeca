"""The school's reference lists: requests and competencies (tags), partner organisations."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from core.roles import Capability
from mentoring.forms.references import PartnerForm, TagForm
from mentoring.models import PartnerOrganization, Tag


class TagListView(TemplateView):
    """The editable list of requests and competencies; a new one is added below the list."""

    required_capability = Capability.EDIT_BASES
    template_name = "mentoring/people/tag_list.html"

    def get_context_data(self, **kwargs):
        tags = Tag.objects.annotate(
            mentee_count=Count("mentees", distinct=True), mentor_count=Count("mentors", distinct=True)
        )
        return super().get_context_data(tags=tags, **kwargs)

    def post(self, request, *args, **kwargs):
        form = TagForm(request.POST)
        if form.is_valid():
            form.instance.organization = request.tenant
            try:
                with transaction.atomic():
                    form.save()
            except IntegrityError:
                form.add_error("name", "Такой запрос уже есть в списке.")
            else:
                messages.success(request, f"Добавлено: «{form.instance.name}».")
                return redirect("tag_list", org=request.tenant.slug)
        return self.render_to_response(self.get_context_data(form=form))

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=TagForm()))


class TagDeleteView(View):
    required_capability = Capability.EDIT_BASES
    http_method_names = ["post"]

    def post(self, request, pk, **kwargs):
        tag = get_object_or_404(Tag, pk=pk)
        tag.delete()
        messages.success(request, f"Удалено: «{tag.name}».")
        return redirect("tag_list", org=request.tenant.slug)


class PartnerListView(TemplateView):
    required_capability = Capability.READ_PERSON_CARDS
    template_name = "mentoring/people/partner_list.html"

    def get_context_data(self, **kwargs):
        partners = PartnerOrganization.objects.annotate(mentor_count=Count("mentors"))
        return super().get_context_data(partners=partners, **kwargs)


class PartnerFormView(TemplateView):
    required_capability = Capability.EDIT_BASES
    template_name = "mentoring/people/partner_form.html"

    def get_form(self, data=None):
        instance = get_object_or_404(PartnerOrganization, pk=self.kwargs["pk"]) if "pk" in self.kwargs else None
        return PartnerForm(data, instance=instance)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": self.get_form()})

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response({"form": form})
        form.instance.organization = request.tenant
        form.save()
        messages.success(request, f"Организация «{form.instance.name}» сохранена.")
        return redirect("partner_list", org=request.tenant.slug)
