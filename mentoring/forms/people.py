"""Forms of the people registry: mentees, mentors and their personal-data consents."""

from datetime import date

from django import forms
from django.utils import timezone
from django_scopes.forms import SafeModelChoiceField, SafeModelMultipleChoiceField

from core.concurrency import VersionedFormMixin
from core.inflection.corrections import PersonNameFormsFields
from core.roles import Role

from ..models import Consent, Mentee, Mentor, PartnerOrganization, SupportCategory, Tag, User
from ..models.people import TEACHER_MENTEE_CATEGORIES
from ..services.people import minor_representative_errors
from ..validators import SCAN_KINDS, parsed_scan_kind
from .base import CURRENT_CONSENT_VERSION, DATE_WIDGET, PlainTextFormMixin


class MenteeForm(VersionedFormMixin, PlainTextFormMixin, PersonNameFormsFields, forms.ModelForm):
    support_categories = forms.MultipleChoiceField(
        label="Категории поддержки",
        choices=SupportCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Видят только куратор, руководитель и методист.",
    )

    class Meta:
        model = Mentee
        fields = [
            "last_name",
            "first_name",
            "patronymic",
            "gender",
            "birth_date",
            "category",
            "group",
            "teaching_experience",
            "hired_on",
            "left_school_on",
            "status",
            "source",
            "requests",
            "requests_text",
            "support_categories",
            "phone",
            "email",
            "representative_name",
            "representative_relation",
            "representative_phone",
            "representative_email",
            "notes",
        ]
        widgets = {
            "birth_date": DATE_WIDGET,
            "hired_on": DATE_WIDGET,
            "left_school_on": DATE_WIDGET,
            "requests": forms.CheckboxSelectMultiple,
        }
        field_classes = {"requests": SafeModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requests"].queryset = Tag.objects.all()

    def clean(self):
        data = super().clean()
        birth_date = data.get("birth_date")
        if birth_date and birth_date > date.today():
            self.add_error("birth_date", "Дата рождения не может быть в будущем.")
        representative = minor_representative_errors(
            birth_date, data.get("representative_name"), data.get("representative_relation")
        )
        for field, message in representative.items():
            self.add_error(field, message)
        teacher = data.get("category") in TEACHER_MENTEE_CATEGORIES
        if data.get("teaching_experience") is not None and not teacher:
            self.add_error("teaching_experience", "Стаж указывается только для педагогов.")
        for field in ("hired_on", "left_school_on"):
            if data.get(field) and not teacher:
                self.add_error(field, "Даты приёма и увольнения указываются только для педагогов.")
            elif data.get(field) and data[field] > date.today():
                self.add_error(field, "Дата не может быть в будущем.")
        hired, left = data.get("hired_on"), data.get("left_school_on")
        if hired and left and left < hired:
            self.add_error("left_school_on", "Дата увольнения не может быть раньше даты приёма.")
        return data


class MentorForm(VersionedFormMixin, PlainTextFormMixin, PersonNameFormsFields, forms.ModelForm):
    class Meta:
        model = Mentor
        fields = [
            "last_name",
            "first_name",
            "patronymic",
            "gender",
            "birth_date",
            "category",
            "position",
            "partner",
            "competencies",
            "strengths",
            "experience_years",
            "capacity",
            "consent_number",
            "consent_date",
            "training",
            "status",
            "user",
            "children",
            "phone",
            "email",
            "notes",
        ]
        widgets = {
            "birth_date": DATE_WIDGET,
            "consent_date": DATE_WIDGET,
            "competencies": forms.CheckboxSelectMultiple,
        }
        field_classes = {
            "partner": SafeModelChoiceField,
            "competencies": SafeModelMultipleChoiceField,
            "children": SafeModelMultipleChoiceField,
        }

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            memberships__organization=tenant, memberships__role=Role.MENTOR
        ).distinct()
        self.fields["user"].help_text = "Учётная запись с ролью «Наставник» в этой школе, чтобы вести журнал."
        self.fields["children"].help_text = "Для родителя-наставника: его дети среди наставляемых школы."
        self.fields["children"].queryset = Mentee.objects.filter(category=Mentee.Category.PUPIL)
        self.fields["partner"].queryset = PartnerOrganization.objects.all()
        self.fields["competencies"].queryset = Tag.objects.all()

    def clean(self):
        data = super().clean()
        category = data.get("category")
        if category == Mentor.Category.EMPLOYEE and not data.get("partner"):
            self.add_error("partner", "Для сотрудника организации-партнёра укажите организацию.")
        if data.get("children") and category != Mentor.Category.PARENT:
            self.add_error("children", "Детей указывают только для наставника-родителя.")
        if bool(data.get("consent_number")) != bool(data.get("consent_date")):
            self.add_error("consent_date", "Укажите и номер, и дату письменного согласия.")
        if data.get("consent_date") and data["consent_date"] > date.today():
            self.add_error("consent_date", "Дата согласия не может быть в будущем.")
        if data.get("birth_date") and data["birth_date"] > date.today():
            self.add_error("birth_date", "Дата рождения не может быть в будущем.")
        return data


class ConsentForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Consent
        fields = [
            "purpose",
            "text_version",
            "given_by_name",
            "given_by_relation",
            "given_at",
            "method",
            "document_number",
            "scan",
        ]
        widgets = {"given_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, *args, subject, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject = subject
        self.fields["scan"].help_text = "PDF, JPEG или PNG до 5 МБ."
        if not self.is_bound:
            self.initial.setdefault("text_version", CURRENT_CONSENT_VERSION)
            if isinstance(subject, Mentee) and subject.is_minor:
                self.initial.setdefault("given_by_name", subject.representative_name)
                self.initial.setdefault("given_by_relation", subject.representative_relation)
            else:
                self.initial.setdefault("given_by_name", subject.full_name)

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan:
            if scan.size > 5 * 1024 * 1024:
                raise forms.ValidationError("Файл больше 5 МБ.")
            kind = parsed_scan_kind(scan)
            if kind is None:
                raise forms.ValidationError(
                    "Загрузите скан в формате PDF, JPEG или PNG: этот файл не открывается как документ или снимок."
                )
            scan.name = f"scan.{SCAN_KINDS[kind][0]}"  # the stored name (and the served type) follow the content
        return scan

    def clean(self):
        data = super().clean()
        if data.get("given_at") and data["given_at"] > timezone.now():
            self.add_error("given_at", "Дата согласия не может быть в будущем.")
        if isinstance(self.subject, Mentee) and self.subject.is_minor and not data.get("given_by_relation"):
            self.add_error(
                "given_by_relation",
                "За несовершеннолетнего согласие даёт законный представитель: укажите, кем он приходится.",
            )
        if data.get("method") == Consent.Method.SCAN and not data.get("scan"):
            self.add_error("scan", "Приложите скан согласия.")
        return data


class WithdrawConsentForm(PlainTextFormMixin, forms.Form):
    note = forms.CharField(label="Основание отзыва", max_length=300)
