"""The bases of mentees and mentors: lists with filters, cards, forms and the history of each record."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.concurrency import EditConflict
from core.inflection.agreement import by_gender, with_number
from core.inflection.names import gender_of
from core.models import AuditEntry
from core.roles import Capability, has_capability
from mentoring.forms.people import MenteeForm, MentorForm
from mentoring.models import Mentee, Mentor, PartnerOrganization, SupportCategory, Tag
from mentoring.services import saved_filters
from mentoring.services.access_log import record_reading
from mentoring.services.people import save_person, with_consent_flags
from mentoring.services.search import MENTEE_FILTERS, MENTOR_FILTERS, find_mentees, find_mentors

PAGE_SIZE = 50


class PersonKind:
    """What differs between the mentee and the mentor pages."""

    def __init__(self, model, form_class, url_prefix, filters):
        self.model = model
        self.form_class = form_class
        self.url_prefix = url_prefix
        self.filters = filters


MENTEES = PersonKind(Mentee, MenteeForm, "mentee", MENTEE_FILTERS)
MENTORS = PersonKind(Mentor, MentorForm, "mentor", MENTOR_FILTERS)


class PersonListView(TemplateView):
    """A base with its filters. The filters form is posted and kept server-side (``services.saved_filters``):
    the address carries ``?f=<id>``, never a name or a support category."""

    required_capability = Capability.READ_PERSON_CARDS

    def get(self, request, *args, **kwargs):
        if saved_filters.has_private(request.GET):  # an old address or a hand-typed one: out of the address
            return self.redirect_to(saved_filters.cleaned(request.GET, self.kind.filters))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.redirect_to(saved_filters.cleaned(request.POST, self.kind.filters))

    def redirect_to(self, filters):
        if not filters:
            return redirect(self.request.path)
        return redirect(f"{self.request.path}?f={saved_filters.save(self.request.session, filters)}")

    def filter_params(self) -> tuple[dict, str]:
        """The filters in force and the address's query that brings them back (without the page)."""
        if filter_id := self.request.GET.get("f"):
            filters = saved_filters.load(self.request.session, filter_id)
            if filters is None:
                messages.info(self.request, "Фильтр устарел: показан весь список.")
                return {}, ""
            return filters, f"f={filter_id}"
        filters = saved_filters.cleaned(self.request.GET, self.kind.filters)
        query = self.request.GET.copy()
        query.pop("page", None)
        return filters, query.urlencode()

    def get_context_data(self, **kwargs):
        params, query_string = self.filter_params()
        page = Paginator(self.people(params), PAGE_SIZE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            page=page,
            people=page.object_list,
            filters={name: params.get(name, "") for name in self.kind.filters},
            query_string=query_string,
            tags=Tag.objects.all(),
            **kwargs,
        )


class MenteeListView(PersonListView):
    template_name = "mentoring/people/mentee_list.html"
    kind = MENTEES

    def people(self, params):
        return find_mentees(params, support_visible=self.support_visible())

    def support_visible(self):
        return has_capability(self.request.roles, Capability.READ_SUPPORT_CATEGORIES)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            categories=Mentee.Category.choices,
            statuses=Mentee.Status.choices,
            support_choices=SupportCategory.choices if self.support_visible() else [],
            **kwargs,
        )


class MentorListView(PersonListView):
    template_name = "mentoring/people/mentor_list.html"
    kind = MENTORS

    def people(self, params):
        return find_mentors(params)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            categories=Mentor.Category.choices,
            statuses=Mentor.Status.choices,
            trainings=Mentor.Training.choices,
            partners=PartnerOrganization.objects.all(),
            **kwargs,
        )


class PersonFormView(TemplateView):
    """Create (no pk) or edit a person; a rejected form is shown again with everything typed."""

    required_capability = Capability.EDIT_BASES
    template_name = "mentoring/people/person_form.html"

    def get_form(self, data=None, files=None):
        instance = get_object_or_404(self.kind.model, pk=self.kwargs["pk"]) if "pk" in self.kwargs else None
        extra = {"tenant": self.request.tenant} if self.kind is MENTORS else {}
        return self.kind.form_class(data, files, instance=instance, **extra)

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if form.instance.pk is not None:
            record_reading("person.form_opened", [form.instance], request=request)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, "Запись не сохранена: исправьте отмеченные поля.")
            return self.render_to_response(self.get_context_data(form=form))
        try:
            person = save_person(form, actor=request.user, tenant=request.tenant, request=request)
        except EditConflict as conflict:
            form.refuse_stale(conflict)
            messages.error(request, "Запись не сохранена: её изменили, пока форма была открыта.")
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, f"Запись «{person.full_name}» сохранена.")
        return redirect(f"{self.kind.url_prefix}_detail", org=request.tenant.slug, pk=person.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind=self.kind.url_prefix, **kwargs)


class MenteeFormView(PersonFormView):
    kind = MENTEES


class MentorFormView(PersonFormView):
    kind = MENTORS


class PersonDetailView(TemplateView):
    required_capability = Capability.READ_PERSON_CARDS

    def get_context_data(self, **kwargs):
        person = self.get_person()
        record_reading("person.card_opened", [person], request=self.request)
        roles = self.request.roles
        return super().get_context_data(
            person=person,
            consents=person.consents.select_related("registered_by"),
            can_edit=has_capability(roles, Capability.EDIT_BASES),
            support_visible=has_capability(roles, Capability.READ_SUPPORT_CATEGORIES),
            can_see_history=has_capability(roles, Capability.VIEW_AUDIT),
            **kwargs,
        )


class MenteeDetailView(PersonDetailView):
    template_name = "mentoring/people/mentee_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = context["person"]
        # «Несовершеннолетняя» for a girl, «(12 лет)», «(21 год)»: the words agree with the person and the number.
        context["minor_word"] = by_gender(gender_of(person), "Несовершеннолетний", "Несовершеннолетняя")
        context["age_text"] = with_number(person.age, "год") if person.age is not None else ""
        return context

    def get_person(self):
        mentees = with_consent_flags(Mentee.objects.prefetch_related("requests", "parent_mentors"))
        return get_object_or_404(mentees, pk=self.kwargs["pk"])


class MentorDetailView(PersonDetailView):
    template_name = "mentoring/people/mentor_detail.html"

    def get_person(self):
        mentors = Mentor.objects.select_related("partner", "user").prefetch_related("competencies", "children")
        return get_object_or_404(mentors, pk=self.kwargs["pk"])


class PersonHistoryView(TemplateView):
    """Who changed what in one record, and who opened a minor's card."""

    required_capability = Capability.VIEW_AUDIT
    template_name = "mentoring/people/history.html"

    def get_context_data(self, **kwargs):
        person = get_object_or_404(self.kind.model, pk=self.kwargs["pk"])
        record_reading("person.history_opened", [person], request=self.request)
        entries = AuditEntry.objects.filter(
            object_type=person._meta.label_lower, object_id=str(person.pk)
        ).select_related("actor")
        return super().get_context_data(person=person, entries=entries, kind=self.kind.url_prefix, **kwargs)


class MenteeHistoryView(PersonHistoryView):
    kind = MENTEES


class MentorHistoryView(PersonHistoryView):
    kind = MENTORS
