"""Forms of the monitoring pages. They parse input; the rules live in ``monitoring.services``."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django_scopes.forms import SafeModelChoiceField

from mentoring.forms.base import DATE_WIDGET, PlainTextFormMixin
from mentoring.models import MentoringForm, Programme
from monitoring.models import Contingent, Question, Questionnaire, Swot
from monitoring.models.questionnaires import WaveKind


class WaveForm(PlainTextFormMixin, forms.Form):
    programme = SafeModelChoiceField(queryset=Programme.objects.none(), label="Программа")
    kind = forms.ChoiceField(label="Анкетирование", choices=WaveKind.choices, initial=WaveKind.FINAL)
    title = forms.CharField(label="Название", max_length=300, required=False)
    opens_on = forms.DateField(label="Начало", widget=DATE_WIDGET)
    closes_on = forms.DateField(label="Окончание", widget=DATE_WIDGET, help_text="После этой даты ссылки не работают.")

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("-starts_on")
        today = timezone.localdate()
        self.initial.setdefault("programme", programme)
        self.initial.setdefault("opens_on", today)
        self.initial.setdefault("closes_on", today + timedelta(days=14))

    def clean(self):
        data = super().clean()
        if not data.get("title") and data.get("kind"):
            data["title"] = f"{WaveKind(data['kind']).label.capitalize()} анкетирование {timezone.localdate():%d.%m.%Y}"
        return data


class QuestionnaireForm(PlainTextFormMixin, forms.ModelForm):
    waves = forms.MultipleChoiceField(
        label="В каких анкетированиях", choices=WaveKind.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Questionnaire
        fields = ["title", "purpose", "respondent", "form", "waves", "intro", "active"]
        field_classes = {"form": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form"].queryset = MentoringForm.objects.all()


class QuestionForm(PlainTextFormMixin, forms.ModelForm):
    choices_text = forms.CharField(
        label="Варианты (по одному в строке)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Question
        fields = ["position", "text", "kind", "required"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["choices_text"] = "\n".join(self.instance.choices)

    def clean(self):
        data = super().clean()
        choices = [line.strip() for line in data.get("choices_text", "").splitlines() if line.strip()]
        if data.get("kind") in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and len(choices) < 2:
            self.add_error("choices_text", "Для вопроса с выбором укажите хотя бы два варианта.")
        self.instance.choices = choices if data.get("kind") in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) else []
        return data


QuestionFormSet = forms.inlineformset_factory(
    Questionnaire, Question, form=QuestionForm, extra=2, can_delete=True, min_num=1, validate_min=True
)


class ContingentForm(forms.ModelForm):
    class Meta:
        model = Contingent
        fields = ["year", "pupils_total", "pupils_10_14", "pupils_15_19", "teachers", "young_specialists"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"] = forms.TypedChoiceField(
            label="Учебный год",
            coerce=int,
            choices=[(year, f"{year}/{year + 1}") for year in range(this_year + 1, this_year - 5, -1)],
        )


class SwotForm(PlainTextFormMixin, forms.Form):
    """The four lists of the SWOT analysis, one item per line."""

    def __init__(self, *args, swot: Swot | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in Swot.QUADRANTS:
            self.fields[field] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text="По одному пункту в строке.",
                max_length=5000,
            )
            if swot is not None:
                self.initial[field] = "\n".join(getattr(swot, field))

    def lists(self) -> dict[str, list[str]]:
        return {
            field: [line.strip() for line in self.cleaned_data[field].splitlines() if line.strip()]
            for field, _ in Swot.QUADRANTS
        }


SCALE_CHOICES = [(str(n), str(n)) for n in range(Question.SCALE_MIN, Question.SCALE_MAX + 1)]
OUT_OF_RANGE = f"Выберите оценку от {Question.SCALE_MIN} до {Question.SCALE_MAX}."


class AnswerForm(PlainTextFormMixin, forms.Form):
    """The questions of a questionnaire as fields ``q<question id>``; a value outside a question's range or
    choices is an error shown beside the question, and nothing is stored."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = self.field_for(question)

    @staticmethod
    def field_for(question):
        common = {"label": question.text, "required": question.required}
        if question.kind == Question.Kind.SCALE:
            return forms.ChoiceField(
                choices=SCALE_CHOICES,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
                error_messages={"invalid_choice": OUT_OF_RANGE, "required": "Поставьте оценку."},
                **common,
            )
        if question.kind == Question.Kind.YES_NO:
            return forms.ChoiceField(
                choices=[("yes", "да"), ("no", "нет")],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Ответьте «да» или «нет».", "required": "Ответьте «да» или «нет»."},
                **common,
            )
        choices = [(choice, choice) for choice in question.choices]
        if question.kind == Question.Kind.SINGLE:
            return forms.ChoiceField(
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Выберите один из предложенных вариантов."},
                **common,
            )
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Выберите варианты из предложенных."},
                **common,
            )
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=3000, **common)


class PeriodForm(forms.Form):
    """The period of a school report, and its format."""

    date_from = forms.DateField(label="С", widget=DATE_WIDGET)
    date_to = forms.DateField(label="По", widget=DATE_WIDGET)
    fmt = forms.ChoiceField(label="Формат", choices=[("pdf", "PDF"), ("xlsx", "Excel (XLSX)")], initial="pdf")

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "Окончание периода раньше его начала.")
        return data


def default_period(programme) -> tuple[date, date]:
    today = timezone.localdate()
    if programme is None:
        return today.replace(month=1, day=1), today
    return programme.starts_on, min(programme.ends_on, today) if programme.starts_on <= today else programme.ends_on
