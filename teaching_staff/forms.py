"""The forms of the council of mentors and of a teacher-mentor's appointment (art. 351.8 of the Labour Code)."""

from django import forms
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from mentoring.forms.base import DATE_WIDGET, PlainTextFormMixin
from mentoring.models import Mentee, Mentor, MentoringForm, Pair

from .models import AgendaItem, Appointment

TEACHERS = {"category": Mentor.Category.TEACHER, "status": Mentor.Status.ACTIVE}


class PayRuleForm(PlainTextFormMixin, forms.Form):
    monthly_amount = forms.DecimalField(
        label="Доплата за наставничество, руб. в месяц", min_value=1, max_digits=9, decimal_places=2
    )
    basis = forms.CharField(
        label="Локальный акт, которым установлена доплата (в творительном падеже)",
        max_length=500,
        help_text="Например: «Положением об оплате труда работников, раздел 5»",
    )


class MemberForm(forms.Form):
    mentor = SafeModelChoiceField(Mentor.objects.none(), label="Педагог-наставник", empty_label="— выберите —")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = Mentor.objects.filter(**TEACHERS).order_by("last_name", "first_name")


class ChairForm(forms.Form):
    chair = SafeModelChoiceField(Mentor.objects.none(), label="Председатель", empty_label="— выберите —")
    secretary = SafeModelChoiceField(Mentor.objects.none(), label="Секретарь", required=False)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        members = Mentor.objects.filter(council_memberships__council=council).order_by("last_name", "first_name")
        self.fields["chair"].queryset = self.fields["secretary"].queryset = members


class MeetingForm(PlainTextFormMixin, forms.Form):
    held_on = forms.DateField(label="Дата заседания", widget=DATE_WIDGET)
    present = SafeModelMultipleChoiceField(
        Mentor.objects.none(), label="Присутствовали", widget=forms.CheckboxSelectMultiple
    )
    invited = forms.CharField(label="Приглашённые", max_length=500, required=False)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = Mentor.objects.filter(council_memberships__council=council).order_by(
            "last_name", "first_name"
        )


class ItemForm(PlainTextFormMixin, forms.Form):
    """One question of the agenda; an empty row is skipped."""

    kind = forms.ChoiceField(label="Вид вопроса", choices=AgendaItem.Kind.choices)
    question = forms.CharField(label="Вопрос повестки", max_length=500, required=False)
    heard = forms.CharField(label="Слушали", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    decision = forms.CharField(label="Решили", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    pair = SafeModelChoiceField(Pair.objects.none(), label="Пара (о программе, затруднениях)", required=False)
    mentor = SafeModelChoiceField(Mentor.objects.none(), label="Наставник (пара, поощрение)", required=False)
    mentee = SafeModelChoiceField(Mentee.objects.none(), label="Наставляемый (предложение пары)", required=False)
    form = SafeModelChoiceField(MentoringForm.objects.none(), label="Форма (предложение пары)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pair"].queryset = Pair.objects.filter(status=Pair.Status.ACTIVE).select_related("mentor")
        self.fields["mentor"].queryset = Mentor.objects.filter(**TEACHERS).order_by("last_name", "first_name")
        self.fields["mentee"].queryset = Mentee.objects.exclude(category=Mentee.Category.PUPIL).order_by("last_name")
        self.fields["form"].queryset = MentoringForm.objects.filter(audience="teachers")

    @property
    def filled(self) -> bool:
        return bool(self.is_valid() and (self.cleaned_data["question"] or self.cleaned_data["decision"]))


class AnswerForm(PlainTextFormMixin, forms.Form):
    item = forms.IntegerField(widget=forms.HiddenInput)
    starts_on = forms.DateField(label="Начало", widget=DATE_WIDGET, required=False)
    planned_end_on = forms.DateField(label="Плановое окончание", widget=DATE_WIDGET, required=False)
    reason = forms.CharField(label="Причина отказа", max_length=500, required=False)


class TermsForm(PlainTextFormMixin, forms.Form):
    content = forms.CharField(
        label="Содержание наставничества", widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text="Пусто — типовое содержание.",
    )  # fmt: skip
    starts_on = forms.DateField(label="Наставничество с", widget=DATE_WIDGET, required=False)
    ends_on = forms.DateField(label="по", widget=DATE_WIDGET, required=False)
    contract_number = forms.CharField(label="Номер трудового договора", max_length=50, required=False)
    contract_date = forms.DateField(label="Дата трудового договора", widget=DATE_WIDGET, required=False)


class AddendumForm(PlainTextFormMixin, forms.Form):
    number = forms.CharField(label="Номер дополнительного соглашения", max_length=50)
    signed_on = forms.DateField(label="Подписано сторонами", widget=DATE_WIDGET)


class EndForm(PlainTextFormMixin, forms.Form):
    ended_by = forms.ChoiceField(label="Кто прекращает", choices=Appointment.EndedBy.choices)
    notice_on = forms.DateField(label="Дата письменного предупреждения", widget=DATE_WIDGET)
    ended_on = forms.DateField(label="Дата прекращения", widget=DATE_WIDGET)
    reason = forms.CharField(label="Причина", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
