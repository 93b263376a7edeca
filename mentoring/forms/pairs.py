"""Forms of the pairs and groups pages (stages 5–7). The rules live in the services (``services.pairs``,
``services.pair_rules``, ``services.completion``): the forms parse the input and keep what was typed; a
refusal of a service is shown beside the form."""

from django import forms
from django.db.models import Count, Q
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from core.collation import name_order

from ..models import BestPractice, Mentee, Mentor, MentoringForm, MentoringKind, Pair, PairMember, RewardNomination
from ..services.completion import nominable_mentors
from ..services.matching import default_period
from ..services.pairs import plan_period_errors
from ..services.programmes import ACTIVE_MENTEE
from .base import DATE_WIDGET, PlainTextFormMixin


def mentee_label(mentee: Mentee) -> str:
    return f"{mentee.full_name} ({mentee.group})" if mentee.group else mentee.full_name


class MentorChoiceField(SafeModelChoiceField):
    def label_from_instance(self, mentor):
        free = max(mentor.capacity - mentor.load, 0)
        return f"{mentor.full_name} — {mentor.get_category_display()}, свободно мест: {free} из {mentor.capacity}"


class MenteeChoiceField(SafeModelMultipleChoiceField):
    def label_from_instance(self, mentee):
        return mentee_label(mentee)


def mentors_with_load(programme):
    """The programme's selected mentors still in the base, with ``load``: their mentees in active pairs."""
    return (
        Mentor.objects.filter(programmes__programme=programme, status=Mentor.Status.ACTIVE, anonymized_at__isnull=True)
        .annotate(load=Count("pairs__members", filter=Q(pairs__members__active=True)))
        .order_by(*name_order())
    )


class PairForm(PlainTextFormMixin, forms.Form):
    """A pair (one mentee) or a group (two or more) of one mentor, in a form of the programme.

    The mentees offered are the active ones not yet in an active pair of the chosen form; any active mentee
    is accepted, so that one paired meanwhile gets the service's refusal with the reason."""

    mentor = MentorChoiceField(
        Mentor.objects.none(),
        label="Наставник",
        empty_label="— выберите наставника —",
        help_text="Наставники, отобранные в программу (этап 4), и их свободные места.",
        error_messages={"required": "Выберите наставника.", "invalid_choice": "Наставник не отобран в программу."},
    )
    form = SafeModelChoiceField(
        MentoringForm.objects.none(),
        label="Форма наставничества",
        empty_label=None,
        error_messages={"invalid_choice": "Выберите форму из форм программы."},
    )
    mentees = MenteeChoiceField(
        Mentee.objects.none(),
        label="Наставляемые",
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=(
            "Показаны те, кто ещё не в паре выбранной формы. Один наставляемый — пара, двое и больше — группа; "
            "выбрать нескольких: Ctrl (⌘) + щелчок."
        ),
        error_messages={
            "required": "Выберите хотя бы одного наставляемого.",
            "invalid_choice": "Наставляемый выбыл из базы или завершил программу: обновите страницу.",
        },
    )
    role_model = forms.ChoiceField(label="Ролевая модель", required=False)
    kinds = forms.ModelMultipleChoiceField(
        MentoringKind.objects.all(),
        label="Виды наставничества",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Для форм наставничества педагогов (Положение, п. 2.3.2–2.3.8). Не выбран — «традиционное» "
        "для одного наставляемого, «в группе» для нескольких.",
        error_messages={"invalid_choice": "Выберите вид из списка."},
    )
    reverse_area = forms.CharField(
        label="Реверсивное: в чём младший наставляет старшего",
        required=False,
        max_length=300,
        help_text="Только для вида «реверсивное».",
    )
    goals = forms.CharField(label="Цели", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    starts_on = forms.DateField(label="Начало", widget=DATE_WIDGET, error_messages={"required": "Укажите дату начала."})
    planned_end_on = forms.DateField(
        label="Плановое окончание",
        widget=DATE_WIDGET,
        help_text="Персонализированная программа длится от 3 месяцев до 1 года.",
        error_messages={"required": "Укажите плановое окончание."},
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        programme_forms = list(programme.forms.all())
        self.fields["form"].queryset = programme.forms.all()
        self.fields["mentor"].queryset = mentors_with_load(programme)
        self.fields["mentees"].queryset = Mentee.objects.filter(ACTIVE_MENTEE).order_by(
            "last_name", "first_name", "patronymic", "pk"
        )
        self.fields["role_model"].choices = [("", "— не выбрана —")] + [
            (form.name, [(role_model, role_model) for role_model in form.role_models])
            for form in programme_forms
            if form.role_models
        ]
        self.chosen_form = self.pick_form(programme_forms)
        self.fields["mentees"].widget.choices = self.mentee_choices()
        if not self.is_bound:
            starts_on, planned_end_on = default_period(programme)
            self.initial.setdefault("starts_on", starts_on)
            self.initial.setdefault("planned_end_on", planned_end_on)
            if self.chosen_form:
                self.initial.setdefault("form", self.chosen_form.pk)

    def pick_form(self, programme_forms):
        """The form whose free mentees are offered: the posted or requested one, else the programme's first."""
        wanted = self.data.get("form") or self.initial.get("form")
        wanted = getattr(wanted, "pk", wanted)
        for form in programme_forms:
            if str(form.pk) == str(wanted):
                return form
        return programme_forms[0] if programme_forms else None

    def mentee_choices(self):
        """Active mentees not in an active pair of the chosen form, and whoever is already selected."""
        selected = {str(value) for value in (self.data.getlist("mentees") if self.is_bound else [])}
        selected |= {str(getattr(value, "pk", value)) for value in self.initial.get("mentees", [])}
        mentees = self.fields["mentees"].queryset
        if self.chosen_form is not None:
            busy = PairMember.objects.filter(active=True, form=self.chosen_form).values("mentee_id")
            mentees = mentees.exclude(Q(pk__in=busy) & ~Q(pk__in=[int(v) for v in selected if v.isdigit()]))
        return [(mentee.pk, mentee_label(mentee)) for mentee in mentees]

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("planned_end_on"):
            for message in plan_period_errors(data["starts_on"], data["planned_end_on"]):
                self.add_error("planned_end_on", message)
        return data


class ClosePairForm(PlainTextFormMixin, forms.Form):
    """Closing a pair or group (stage 7): its outcome and final notes."""

    outcome = forms.ChoiceField(
        label="Итог",
        choices=[("", "— выберите итог —"), *Pair.Outcome.choices],
        error_messages={"required": "Укажите итог.", "invalid_choice": "Выберите итог из списка."},
    )
    final_notes = forms.CharField(
        label="Итоговые заметки",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Чего достигли, что осталось, рекомендации.",
        error_messages={"required": "Опишите итоги работы пары."},
    )


class AcceptForm(forms.Form):
    """One suggestion of the matching, as the page showed it; the service checks every rule again."""

    mentee = forms.IntegerField(min_value=1)
    mentor = forms.IntegerField(min_value=1)
    form = forms.IntegerField(min_value=1)
    score = forms.FloatField(min_value=0, max_value=1, required=False)


def parse_suggestions(values) -> list[dict]:
    """The «Принять все» form's hidden values «mentee:mentor:form:score»; malformed ones are skipped."""
    parsed = []
    for value in values:
        form = AcceptForm(dict(zip(("mentee", "mentor", "form", "score"), str(value).split(":"), strict=False)))
        if form.is_valid():
            parsed.append(form.cleaned_data)
    return parsed


class NominationForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = RewardNomination
        fields = ["mentor", "reason"]
        field_classes = {"mentor": SafeModelChoiceField}
        error_messages = {
            "mentor": {"required": "Выберите наставника.", "invalid_choice": "Выберите наставника из списка."},
            "reason": {"required": "Укажите, за что представлен наставник."},
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = nominable_mentors(programme).order_by(*name_order())
        self.fields["mentor"].help_text = "Наставники, которые вели пары и группы этой программы."


class BestPracticeForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = BestPractice
        fields = ["title", "form", "pair", "story", "results", "publishable"]
        field_classes = {"form": SafeModelChoiceField, "pair": SafeModelChoiceField}
        widgets = {"story": forms.Textarea(attrs={"rows": 6}), "results": forms.Textarea(attrs={"rows": 4})}
        labels = {"pair": "Пара / группа"}
        error_messages = {
            "title": {"required": "Укажите название практики."},
            "form": {"required": "Укажите форму наставничества."},
            "story": {"required": "Расскажите историю практики."},
            "results": {"required": "Опишите результаты."},
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = programme.forms.all()
        self.fields["pair"].queryset = (
            Pair.objects.filter(programme=programme).select_related("mentor", "form").order_by("-starts_on", "pk")
        )
        self.fields["pair"].label_from_instance = lambda pair: f"{pair.mentor.full_name}, {pair.form.name}"
        self.fields["pair"].help_text = "Необязательно: пара или группа, из работы которой выросла практика."
        self.fields[
            "publishable"
        ].help_text = "Без персональных данных наставляемых: такой кейс можно опубликовать на сайте школы."

    def clean(self):
        data = super().clean()
        pair, form = data.get("pair"), data.get("form")
        if pair and form and pair.form_id != form.pk:
            self.add_error("form", f"Пара работала в форме «{pair.form.name}».")
        return data
