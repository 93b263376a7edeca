"""The council of mentors' page (members, chair, the school's pay for mentoring, meetings with their protocols,
the pairs it proposed awaiting the curator's answer), a meeting's entry form, and a teacher-pair's appointment
under art. 351.8 of the Labour Code. Thin views over ``teaching_staff.services``; a refusal is shown in Russian
and nothing is saved."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.roles import Capability
from documents.models import Document
from mentoring.models import Pair, Programme
from mentoring.views.journal import show_refusal

from .forms import (
    AddendumForm,
    AnswerForm,
    ChairForm,
    EndForm,
    ItemForm,
    MeetingForm,
    MemberForm,
    PayRuleForm,
    TermsForm,
)
from .models import AgendaItem, Appointment
from .services import appointments
from .services import council as council_service
from .services.council import Item

ITEM_ROWS = 3


def refused(request, error: ValidationError, what: str) -> None:
    messages.error(request, f"{what}: " + " ".join(error.messages))


class CouncilView(TemplateView):
    required_capability = Capability.KEEP_COUNCIL_RECORDS
    template_name = "teaching_staff/council.html"
    ACTIONS = ("member", "chair", "pay", "accept", "decline")

    def get_context_data(self, **kwargs):
        council = council_service.council_of(self.request.tenant)
        rule = appointments.pay_rule_of(self.request.tenant)
        meetings = list(council.meetings.prefetch_related("items"))
        protocols = dict(
            Document.objects.filter(kind="council_protocol", subject_id__in=[m.pk for m in meetings]).values_list(
                "subject_id", "pk"
            )
        )
        for meeting in meetings:
            meeting.protocol_id = protocols.get(meeting.pk)
        return super().get_context_data(
            council=council,
            members=council.members.select_related("mentor").order_by("mentor__last_name"),
            meetings=meetings,
            proposals=AgendaItem.objects.filter(proposal=AgendaItem.Proposal.PROPOSED).select_related(
                "mentor", "mentee", "form", "meeting"
            ),
            member_form=MemberForm(),
            chair_form=ChairForm(council=council, initial={"chair": council.chair, "secretary": council.secretary}),
            pay_form=PayRuleForm(
                initial={"monthly_amount": rule.monthly_amount, "basis": rule.basis} if rule else None
            ),
            appointed=Appointment.objects.select_related("pair__mentor").order_by("-starts_on")[:50],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in self.ACTIONS:
            getattr(self, f"_{action}")(request, council_service.council_of(request.tenant))
        else:
            messages.error(request, "Неизвестное действие.")
        return redirect("council", org=request.tenant.slug)

    def _member(self, request, council):
        form = MemberForm(request.POST)
        if not form.is_valid():
            return messages.error(request, "Выберите педагога-наставника.")
        try:
            council_service.add_member(council, form.cleaned_data["mentor"], actor=request.user, tenant=request.tenant)
        except ValidationError as error:
            return refused(request, error, "Не добавлен")
        messages.success(request, f"{form.cleaned_data['mentor'].full_name} — в совете наставников.")

    def _chair(self, request, council):
        form = ChairForm(request.POST, council=council)
        if not form.is_valid():
            return messages.error(request, "Выберите председателя из членов совета.")
        try:
            council_service.set_chair(council, form.cleaned_data["chair"], secretary=form.cleaned_data["secretary"])
        except ValidationError as error:
            return refused(request, error, "Не сохранено")
        messages.success(request, "Председатель и секретарь совета сохранены.")

    def _pay(self, request, council):
        form = PayRuleForm(request.POST)
        if not form.is_valid():
            return messages.error(request, "Укажите размер доплаты (больше нуля) и локальный акт.")
        try:
            appointments.set_pay_rule(tenant=request.tenant, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            return refused(request, error, "Не сохранено")
        messages.success(request, "Доплата за наставничество сохранена: её получат следующие назначения.")

    def _answer(self, request):
        form = AnswerForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Предложение не найдено.")
            return None, None
        item = AgendaItem.objects.filter(pk=form.cleaned_data["item"], kind=AgendaItem.Kind.PAIR_PROPOSAL).first()
        if item is None:
            messages.error(request, "Предложение не найдено.")
        return item, form.cleaned_data

    def _accept(self, request, council):
        item, data = self._answer(request)
        programme = Programme.objects.order_by("-starts_on", "-pk").first()
        if item is None:
            return None
        if programme is None or not (data["starts_on"] and data["planned_end_on"]):
            return messages.error(request, "Укажите начало и плановое окончание работы пары.")
        try:
            council_service.accept_proposal(
                item, programme=programme, starts_on=data["starts_on"], planned_end_on=data["planned_end_on"],
                actor=request.user, tenant=request.tenant, request=request,
            )  # fmt: skip
        except ValidationError as error:
            return refused(request, error, "Пара не сформирована")
        messages.success(request, "Пара, предложенная советом наставников, сформирована.")

    def _decline(self, request, council):
        item, data = self._answer(request)
        if item is None:
            return None
        try:
            council_service.decline_proposal(item, reason=data["reason"], actor=request.user, tenant=request.tenant)
        except ValidationError as error:
            return refused(request, error, "Не отклонено")
        messages.success(request, "Предложение отклонено, причина сохранена.")


class CouncilMeetingCreateView(TemplateView):
    required_capability = Capability.KEEP_COUNCIL_RECORDS
    template_name = "teaching_staff/meeting_form.html"

    def forms(self, data=None):
        council = council_service.council_of(self.request.tenant)
        meeting = MeetingForm(data, council=council)
        items = [ItemForm(data, prefix=f"item{n}") for n in range(1, ITEM_ROWS + 1)]
        return council, meeting, items

    def get_context_data(self, **kwargs):
        if "meeting_form" not in kwargs:
            _, kwargs["meeting_form"], kwargs["item_forms"] = self.forms()
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        council, meeting_form, item_forms = self.forms(request.POST)
        items_valid = [form.is_valid() for form in item_forms]  # every form validated: all errors shown
        if meeting_form.is_valid() and all(items_valid):
            items = [Item(**form.cleaned_data) for form in item_forms if form.filled]
            try:
                meeting = council_service.record_meeting(
                    council, held_on=meeting_form.cleaned_data["held_on"],
                    present=list(meeting_form.cleaned_data["present"]), invited=meeting_form.cleaned_data["invited"],
                    items=items, actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(meeting_form, error)
            else:
                messages.success(request, f"{meeting} записано: протокол — в «Документах».")
                return redirect("council", org=request.tenant.slug)
        messages.error(request, "Заседание не записано: исправьте отмеченное.")
        return self.render_to_response(self.get_context_data(meeting_form=meeting_form, item_forms=item_forms))


class PairAppointmentView(TemplateView):
    """The terms of a teacher's mentoring of one pair: recorded, the addendum signed, an early ending."""

    required_capability = Capability.APPOINT_TEACHER_MENTORS
    template_name = "teaching_staff/appointment.html"

    def pair(self):
        return get_object_or_404(Pair.objects.select_related("mentor", "form", "programme"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        pair = self.pair()
        appointment = Appointment.objects.filter(pair=pair).first()
        kwargs.setdefault(
            "terms_form", TermsForm(initial={"starts_on": pair.starts_on, "ends_on": pair.planned_end_on})
        )
        kwargs.setdefault("addendum_form", AddendumForm())
        kwargs.setdefault("end_form", EndForm())
        problems = appointments.appointment_problems(appointment) if appointment else []
        return super().get_context_data(pair=pair, appointment=appointment, problems=problems, **kwargs)

    def post(self, request, *args, **kwargs):
        pair = self.pair()
        appointment = Appointment.objects.filter(pair=pair).first()
        action = request.POST.get("action")
        forms = {"record": TermsForm, "sign": AddendumForm, "end": EndForm}
        if action not in forms or (action != "record" and appointment is None):
            messages.error(request, "Сначала внесите условия наставничества.")
            return redirect("pair_appointment", org=request.tenant.slug, pk=pair.pk)
        form = forms[action](request.POST)
        if form.is_valid():
            try:
                self.act(action, pair, appointment, form.cleaned_data)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                return redirect("pair_appointment", org=request.tenant.slug, pk=pair.pk)
        messages.error(request, "Не сохранено: исправьте отмеченное.")
        return self.render_to_response(self.get_context_data(**{f"{self.FORM_NAMES[action]}": form}))

    FORM_NAMES = {"record": "terms_form", "sign": "addendum_form", "end": "end_form"}

    def act(self, action, pair, appointment, data):
        request, who = self.request, {"actor": self.request.user, "tenant": self.request.tenant}
        if action == "record":
            appointments.record_appointment(pair, request=request, **who, **data)
            messages.success(request, "Условия наставничества внесены: подпишите дополнительное соглашение.")
        elif action == "sign":
            appointments.sign_addendum(appointment, request=request, **who, **data)
            messages.success(request, "Дополнительное соглашение подписано: наставник может быть назначен приказом.")
        else:
            appointments.end_early(appointment, request=request, **who, **data)
            messages.success(request, "Наставничество прекращено досрочно: сформируйте приказ о прекращении.")
