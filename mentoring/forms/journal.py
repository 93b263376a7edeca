"""Forms of the mentor's journal and plan. The rules themselves live in ``services.journal`` (the services check
them again when saving); the forms show each refusal beside its field and keep what was typed."""

from django import forms
from django.utils import timezone
from django_scopes.forms import SafeModelMultipleChoiceField

from core.concurrency import VersionedFormMixin

from ..models import Meeting, Mentee, Pair, PlanItem
from ..services.journal import meeting_date_errors, mentees_of, plan_item_errors, present_errors
from .base import DATE_WIDGET, PlainTextFormMixin

SHORTEST_MEETING, LONGEST_MEETING = 5, 600


def duration_field() -> forms.IntegerField:
    """A meeting's length in whole minutes, from ``SHORTEST_MEETING`` to ``LONGEST_MEETING``."""
    return forms.IntegerField(
        label="Длительность, мин",
        min_value=SHORTEST_MEETING,
        max_value=LONGEST_MEETING,
        error_messages={
            "min_value": f"Длительность встречи — от {SHORTEST_MEETING} до {LONGEST_MEETING} минут.",
            "max_value": f"Длительность встречи — от {SHORTEST_MEETING} до {LONGEST_MEETING} минут.",
            "invalid": "Укажите длительность целым числом минут.",
            "required": "Укажите длительность встречи в минутах.",
        },
    )


class MeetingForm(PlainTextFormMixin, forms.ModelForm):
    """A meeting of the journal: when, which kind of stage 6's sequence, how, who was present, what was done and
    agreed; afterwards the mentee's rating (1–10) and comment."""

    duration_minutes = duration_field()
    present = SafeModelMultipleChoiceField(
        queryset=Mentee.objects.none(),
        label="Присутствовали",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Отметить можно только наставляемых этой пары или группы."},
    )
    mentee_rating = forms.IntegerField(
        label="Оценка встречи наставляемым (1–10)",
        required=False,
        min_value=1,
        max_value=10,
        help_text="Обратная связь после встречи; её можно добавить позже.",
        error_messages={
            "min_value": "Оценка — целое число от 1 до 10.",
            "max_value": "Оценка — целое число от 1 до 10.",
            "invalid": "Оценка — целое число от 1 до 10.",
        },
    )

    class Meta:
        model = Meeting
        fields = [
            "held_on",
            "kind",
            "format",
            "topic",
            "duration_minutes",
            "present",
            "what_was_done",
            "next_steps",
            "mentee_rating",
            "mentee_comment",
        ]
        widgets = {
            "held_on": DATE_WIDGET,
            "what_was_done": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "mentee_comment": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "held_on": {"required": "Укажите дату встречи.", "invalid": "Дата в формате ДД.ММ.ГГГГ."},
            "topic": {"required": "Укажите тему встречи."},
        }

    def __init__(self, *args, pair: Pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = pair
        self.instance.pair = pair
        self.fields["present"].queryset = mentees_of(pair)
        today = timezone.localdate()
        self.fields["held_on"].help_text = "Встреча записывается после того, как состоялась."
        self.fields["mentee_comment"].help_text = "Что наставляемый сказал о встрече."
        if not self.is_bound and self.instance.pk is None:
            # A new meeting: today, everybody present, and the first meeting of a pair is the acquaintance.
            self.initial["held_on"] = today
            self.initial["present"] = list(self.fields["present"].queryset)
            if not pair.meetings.exists():
                self.initial["kind"] = Meeting.Kind.ACQUAINTANCE

    def clean(self):
        data = super().clean()
        for message in meeting_date_errors(self.pair, data.get("held_on")):
            self.add_error("held_on", message)
        if "present" not in self.errors:
            for message in present_errors(self.pair, data.get("present")):
                self.add_error("present", message)
        return data


class PlanItemForm(VersionedFormMixin, PlainTextFormMixin, forms.ModelForm):
    """An activity of the pair's personalised plan, dated inside the pair's period."""

    class Meta:
        model = PlanItem
        fields = ["title", "goal", "due_on", "status"]
        widgets = {"due_on": DATE_WIDGET}
        error_messages = {
            "title": {"required": "Укажите мероприятие плана."},
            "due_on": {"required": "Укажите срок.", "invalid": "Дата в формате ДД.ММ.ГГГГ."},
        }

    def __init__(self, *args, pair: Pair, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = pair
        self.instance.pair = pair
        self.fields[
            "due_on"
        ].help_text = f"В пределах работы пары: с {pair.starts_on:%d.%m.%Y} по {pair.planned_end_on:%d.%m.%Y}."

    def clean(self):
        data = super().clean()
        field = "due_on" if self.pair.status == Pair.Status.ACTIVE else None  # a closed pair's plan is frozen
        for message in plan_item_errors(self.pair, data.get("due_on")):
            self.add_error(field, message)
        return data


class PlanItemStatusForm(forms.Form):
    """The quick change of a plan item's status from the plan page."""

    status = forms.ChoiceField(
        label="Состояние",
        choices=PlanItem.Status.choices,
        error_messages={"invalid_choice": "Выберите состояние из списка.", "required": "Выберите состояние."},
    )
