"""Forms of the municipal bank of mentors. The rules live in ``services.bank`` and ``services.bank_crossing``;
the forms keep what was typed and show each refusal."""

from django import forms
from django_scopes.forms import SafeModelChoiceField

from ..models import BankEntry, Meeting, Mentee, Mentor
from ..services.bank_crossing.reach import TEACHER_MENTEES
from .base import DATE_WIDGET, PlainTextFormMixin
from .journal import duration_field


class BankEntryForm(PlainTextFormMixin, forms.Form):
    mentor = SafeModelChoiceField(
        queryset=Mentor.objects.none(),
        label="Наставник",
        help_text="Педагоги школы с письменным согласием быть наставником, которых ещё нет в банке.",
        error_messages={"required": "Выберите наставника.", "invalid_choice": "Выберите наставника из списка."},
    )
    subject = forms.CharField(
        label="Предмет", max_length=100, error_messages={"required": "Укажите предмет наставника."}
    )
    competencies = forms.CharField(
        label="Компетенции",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=BankEntry._meta.get_field("competencies").help_text,
        error_messages={"required": "Перечислите компетенции наставника."},
    )
    places = forms.IntegerField(
        label="Мест для других школ",
        min_value=1,
        max_value=5,
        initial=1,
        error_messages={
            "min_value": "Мест — от 1 до 5.",
            "max_value": "Мест — от 1 до 5.",
            "invalid": "Мест — целое число от 1 до 5.",
            "required": "Укажите, скольким педагогам других школ наставник готов помочь.",
        },
    )

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors


class BankSearchForm(forms.Form):
    subject = forms.CharField(label="Предмет", required=False, max_length=100)
    competency = forms.CharField(label="Компетенция", required=False, max_length=100)


class BankRequestForm(PlainTextFormMixin, forms.Form):
    mentee = SafeModelChoiceField(
        queryset=Mentee.objects.none(),
        label="Наставляемый педагог",
        error_messages={"required": "Выберите педагога.", "invalid_choice": "Выберите педагога из списка."},
    )
    need = forms.CharField(
        label="Запрос наставляемого",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="С чем нужна помощь: предмет, трудности, чего ждёт от наставника.",
        error_messages={"required": "Опишите запрос наставляемого."},
    )
    planned_end_on = forms.DateField(
        label="Плановое окончание",
        widget=DATE_WIDGET,
        help_text="Персонализированная программа длится от 3 месяцев до 1 года.",
        error_messages={"required": "Укажите плановое окончание.", "invalid": "Дата в формате ДД.ММ.ГГГГ."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = Mentee.objects.filter(
            category__in=TEACHER_MENTEES, status__in=[Mentee.Status.IN_BASE, Mentee.Status.IN_PAIR], anonymized_at=None
        ).order_by("last_name", "first_name", "pk")


class DecisionForm(PlainTextFormMixin, forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "принять"), ("decline", "отклонить")],
        error_messages={"required": "Выберите решение.", "invalid_choice": "Выберите решение."},
    )
    reason = forms.CharField(label="Причина отказа", required=False, max_length=500)


class ExternalMeetingForm(PlainTextFormMixin, forms.Form):
    """A meeting of a pair in another school: the same fields as the journal's, the mentees given as choices
    (read from the mentee's school by ``services.bank_crossing``)."""

    held_on = forms.DateField(
        label="Дата",
        widget=DATE_WIDGET,
        error_messages={"required": "Укажите дату встречи.", "invalid": "Дата в формате ДД.ММ.ГГГГ."},
    )
    kind = forms.ChoiceField(label="Вид встречи", choices=Meeting.Kind.choices, initial=Meeting.Kind.WORK)
    format = forms.ChoiceField(label="Формат", choices=Meeting.Format.choices, initial=Meeting.Format.IN_PERSON)
    topic = forms.CharField(label="Тема", max_length=300, error_messages={"required": "Укажите тему встречи."})
    duration_minutes = duration_field()
    present = forms.TypedMultipleChoiceField(
        label="Присутствовали",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Отметьте, кто из наставляемых был на встрече.",
            "invalid_choice": "Отметить можно только наставляемых этой пары.",
        },
    )
    what_was_done = forms.CharField(label="Что сделано", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    next_steps = forms.CharField(label="Договорённости", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, mentees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = mentees
        if len(mentees) == 1 and not self.is_bound:
            self.fields["present"].initial = [mentees[0][0]]
