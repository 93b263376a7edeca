"""The personalised mentoring programmes of a pair's teacher-mentees, and the individual educational route.

Who (docs/roles.md): the director, the curator and the methodist read every pair's programmes, a mentor their
own pairs'; the director and the curator write a programme from the diagnosed difficulties; they and the pair's
mentor add its activities; the director and the curator keep the route."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.roles import Capability, has_capability
from mentoring.models import Mentee
from mentoring.views.journal import show_refusal
from mentoring.views.pairs import members_prefetch
from teacher_growth.forms import PersonalActivityForm, PersonalProgrammeForm, RouteForm, RouteStepFormSet
from teacher_growth.models import EducationalRoute, PersonalProgramme
from teacher_growth.services import personal_programmes as service
from teacher_growth.services.difficulties import not_a_teacher_error, profile
from teacher_growth.services.routes import save_route


def pair_from(pairs, pk):
    return get_object_or_404(pairs.select_related("mentor", "form").prefetch_related(members_prefetch()), pk=pk)


def chosen_mentee(request, pair, *, without_programme=False):
    """The mentee named by ``?mentee=`` among the pair's, else the first (without a programme, when asked)."""
    members = [member.mentee for member in pair.members.all()]
    wanted = request.GET.get("mentee") or request.POST.get("mentee") or ""
    for mentee in members:
        if str(mentee.pk) == wanted:
            return mentee
    if without_programme:
        done = set(PersonalProgramme.objects.filter(pair=pair).values_list("mentee_id", flat=True))
        members = [mentee for mentee in members if mentee.pk not in done] or members
    return members[0]


class PersonalProgrammeView(TemplateView):
    """Each mentee's personalised programme in the pair: goals from the difficulties, activities, dates,
    expected results, and the profile's change."""

    required_capability = (Capability.READ_JOURNALS, Capability.KEEP_OWN_JOURNAL)
    template_name = "teacher_growth/personal_programme.html"

    def get_context_data(self, **kwargs):
        request = self.request
        pair = pair_from(service.readable_pairs(request.user, request.roles), self.kwargs["pk"])
        programmes = {
            programme.mentee_id: programme
            for programme in PersonalProgramme.objects.filter(pair=pair).prefetch_related("goals__activities")
        }
        sections = [
            {
                "mentee": member.mentee,
                "programme": programmes.get(member.mentee_id),
                "profile": profile(member.mentee),
                "not_a_teacher": not_a_teacher_error(member.mentee),
            }
            for member in pair.members.all()
        ]
        roles = request.roles
        own = pair.mentor.user_id == request.user.pk
        return super().get_context_data(
            pair=pair,
            sections=sections,
            can_write=has_capability(roles, Capability.MANAGE_PLANS) and pair.status == pair.Status.ACTIVE,
            can_add=(has_capability(roles, Capability.MANAGE_PLANS) or own) and pair.status == pair.Status.ACTIVE,
            **kwargs,
        )


class PersonalProgrammeCreateView(TemplateView):
    """Write a mentee's programme: the period and the goals picked from the diagnosed difficulties."""

    required_capability = Capability.MANAGE_PLANS
    template_name = "teacher_growth/personal_programme_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.pair = pair_from(service.plannable_pairs(request.user, request.roles), kwargs["pk"])
        self.mentee = chosen_mentee(request, self.pair, without_programme=True)
        self.profile = profile(self.mentee)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pair=self.pair, mentee=self.mentee, profile=self.profile,
            not_a_teacher=not_a_teacher_error(self.mentee), **kwargs,
        )  # fmt: skip

    def get(self, request, *args, **kwargs):
        initial = {
            "starts_on": self.pair.starts_on,
            "ends_on": self.pair.planned_end_on,
            "difficulties": [row.item.pk for row in self.profile.diagnosed],
        }
        form = PersonalProgrammeForm(diagnosed=self.profile.diagnosed, initial=initial)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = PersonalProgrammeForm(request.POST, diagnosed=self.profile.diagnosed)
        if form.is_valid():
            data = form.cleaned_data
            try:
                service.create_personal_programme(
                    pair=self.pair, mentee=self.mentee, starts_on=data["starts_on"], ends_on=data["ends_on"],
                    item_ids=data["difficulties"], goal_texts=form.goal_texts(), strengths=data["strengths"],
                    actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"Персонализированная программа {self.mentee.full_name} составлена.")
                return redirect("personal_programme", org=request.tenant.slug, pk=self.pair.pk)
        messages.error(request, "Программа не составлена: исправьте отмеченное.")
        return self.render_to_response(self.get_context_data(form=form))


class PersonalActivityCreateView(TemplateView):
    """Add an activity towards a goal of a mentee's programme (the curator, or the pair's mentor)."""

    required_capability = (Capability.MANAGE_PLANS, Capability.KEEP_OWN_PLANS)
    template_name = "teacher_growth/activity_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.pair = pair_from(service.plannable_pairs(request.user, request.roles), kwargs["pk"])
        mentee = chosen_mentee(request, self.pair)
        self.programme = PersonalProgramme.objects.filter(pair=self.pair, mentee=mentee).first()
        if self.programme is None:
            messages.error(request, f"Сначала составьте персонализированную программу {mentee.full_name}.")
            return redirect("personal_programme", org=request.tenant.slug, pk=self.pair.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(pair=self.pair, programme=self.programme, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=PersonalActivityForm(programme=self.programme)))

    def post(self, request, *args, **kwargs):
        form = PersonalActivityForm(request.POST, programme=self.programme)
        if form.is_valid():
            data = form.cleaned_data
            try:
                activity = service.add_activity(
                    programme=self.programme, goal=form.goals.get(data["goal"]), title=data["title"],
                    due_on=data["due_on"], expected_result=data["expected_result"], actor=request.user,
                    tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, f"В программу добавлено: «{activity.title}».")
                return redirect("personal_programme", org=request.tenant.slug, pk=self.pair.pk)
        messages.error(request, "Мероприятие не добавлено: исправьте отмеченное.")
        return self.render_to_response(self.get_context_data(form=form))


class EducationalRouteView(TemplateView):
    """The optional individual educational route (4–5 years) of a teacher-mentee, with its steps by year."""

    required_capability = Capability.EDIT_BASES
    template_name = "teacher_growth/route_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.mentee = get_object_or_404(Mentee, pk=kwargs["pk"])
        self.route = EducationalRoute.objects.filter(mentee=self.mentee).prefetch_related("steps").first()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mentee=self.mentee, route=self.route, not_a_teacher=not_a_teacher_error(self.mentee), **kwargs
        )

    def get(self, request, *args, **kwargs):
        route = self.route
        form = RouteForm(
            initial={"starts_on": route.starts_on, "ends_on": route.ends_on, "aim": route.aim} if route else None
        )
        steps = [
            {"year": s.year, "title": s.title, "expected_result": s.expected_result} for s in route.steps.all()
        ] if route else []  # fmt: skip
        return self.render_to_response(self.get_context_data(form=form, steps=RouteStepFormSet(initial=steps)))

    def post(self, request, *args, **kwargs):
        form, steps = RouteForm(request.POST), RouteStepFormSet(request.POST)
        if form.is_valid() and steps.is_valid():
            data = form.cleaned_data
            rows = [(s["year"], s["title"], s.get("expected_result", "")) for s in steps.cleaned_data if s.get("title")]
            try:
                save_route(
                    mentee=self.mentee, starts_on=data["starts_on"], ends_on=data["ends_on"], aim=data["aim"],
                    steps=rows, actor=request.user, tenant=request.tenant, request=request,
                )  # fmt: skip
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, "Индивидуальный образовательный маршрут сохранён.")
                return redirect("mentee_difficulties", org=request.tenant.slug, pk=self.mentee.pk)
        messages.error(request, "Маршрут не сохранён: исправьте отмеченное.")
        return self.render_to_response(self.get_context_data(form=form, steps=steps))
