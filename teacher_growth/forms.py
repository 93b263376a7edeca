"""Forms of the teachers' growth pages. The rules live in the services: the forms parse the input and keep
what was typed; a refusal of a service is shown above the form."""

from django import forms
from django.utils import timezone

from mentoring.forms.base import DATE_WIDGET, PlainTextFormMixin
from teacher_growth.models import DifficultyArea, SelfAssessment
from teacher_growth.models.difficulties import HIGHEST, LOWEST

SCORES = [(str(n), str(n)) for n in range(LOWEST, HIGHEST + 1)]


class SelfAssessmentForm(PlainTextFormMixin, forms.Form):
    """One radio row (1–5) per statement of the school's questionnaire, grouped by area."""

    stage = forms.ChoiceField(label="Самооценка", choices=SelfAssessment.Stage.choices, widget=forms.RadioSelect)
    taken_on = forms.DateField(label="Дата", widget=DATE_WIDGET, error_messages={"required": "Укажите дату."})

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        self.initial.setdefault("taken_on", timezone.localdate())
        for item in self.items:
            self.fields[self.key(item)] = forms.TypedChoiceField(
                label=item.text, choices=SCORES, coerce=int, widget=forms.RadioSelect, required=False
            )

    @staticmethod
    def key(item) -> str:
        return f"item_{item.pk}"

    def groups(self):
        """The statement fields grouped by area, in the questionnaire's order, for the template."""
        groups = []
        for code, label in DifficultyArea.choices:
            fields = [self[self.key(item)] for item in self.items if item.area == code]
            if fields:
                groups.append((label, fields))
        return groups

    def scores(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data.get(self.key(item)) for item in self.items}


class DifficultyItemForm(PlainTextFormMixin, forms.Form):
    area = forms.ChoiceField(label="Группа затруднений", choices=DifficultyArea.choices)
    text = forms.CharField(
        label="Утверждение", max_length=300, error_messages={"required": "Сформулируйте утверждение анкеты."}
    )


class PersonalProgrammeForm(PlainTextFormMixin, forms.Form):
    """The period, the diagnosed difficulties the goals come from (with their reworded text), the strengths."""

    starts_on = forms.DateField(label="Начало", widget=DATE_WIDGET, error_messages={"required": "Укажите начало."})
    ends_on = forms.DateField(
        label="Окончание",
        widget=DATE_WIDGET,
        help_text="Персонализированная программа длится от 3 месяцев до 1 года.",
        error_messages={"required": "Укажите окончание."},
    )
    difficulties = forms.TypedMultipleChoiceField(
        label="Цели из выявленных затруднений",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Затруднения, оценённые во входной самооценке на 3 и выше, самые серьёзные — первыми.",
    )
    strengths = forms.CharField(
        label="Сильные стороны, на которые опирается программа",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, diagnosed, **kwargs):
        super().__init__(*args, **kwargs)
        self.diagnosed = list(diagnosed)
        self.fields["difficulties"].choices = [
            (row.item.pk, f"{row.item.text} — {row.item.get_area_display()}, оценка {row.entry}")
            for row in self.diagnosed
        ]
        for row in self.diagnosed:
            self.fields[f"goal_{row.item.pk}"] = forms.CharField(
                label=f"Формулировка цели: {row.item.text}", required=False, max_length=400
            )

    def goal_texts(self) -> dict[int, str]:
        return {row.item.pk: self.cleaned_data.get(f"goal_{row.item.pk}", "") for row in self.diagnosed}


class PersonalActivityForm(PlainTextFormMixin, forms.Form):
    goal = forms.TypedChoiceField(label="Цель", coerce=int, error_messages={"required": "Выберите цель."})
    title = forms.CharField(label="Мероприятие", max_length=300, error_messages={"required": "Назовите мероприятие."})
    due_on = forms.DateField(label="Срок", widget=DATE_WIDGET, error_messages={"required": "Укажите срок."})
    expected_result = forms.CharField(
        label="Ожидаемый результат", max_length=400, error_messages={"required": "Укажите ожидаемый результат."}
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = {goal.pk: goal for goal in programme.goals.all()}
        self.fields["goal"].choices = [("", "— выберите цель —")] + [(pk, g.text) for pk, g in self.goals.items()]


class RouteForm(PlainTextFormMixin, forms.Form):
    starts_on = forms.DateField(label="Начало", widget=DATE_WIDGET, error_messages={"required": "Укажите начало."})
    ends_on = forms.DateField(
        label="Окончание", widget=DATE_WIDGET, help_text="Маршрут рассчитан на 4–5 лет.",
        error_messages={"required": "Укажите окончание."},
    )  # fmt: skip
    aim = forms.CharField(
        label="Цель маршрута: каким педагог видит себя в профессии",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Опишите цель маршрута."},
    )


class RouteStepForm(PlainTextFormMixin, forms.Form):
    year = forms.IntegerField(label="Год", min_value=2000, max_value=2100, required=False)
    title = forms.CharField(label="Образовательная альтернатива", max_length=300, required=False)
    expected_result = forms.CharField(label="Ожидаемый результат", max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("year"):
            self.add_error("year", "Укажите год шага.")
        return data


RouteStepFormSet = forms.formset_factory(RouteStepForm, extra=3)
