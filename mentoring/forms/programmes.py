"""Forms of the programme area: the programme, its stages and checklists, sub-programmes, the school's forms
of mentoring, mentor selection and the school of mentors. Rules that need the database live in
mentoring/services/ (programmes, stages, subprogrammes, mentor_selection, training);
these forms parse what was typed."""

import zipfile
from datetime import date

from django import forms
from django_scopes.forms import SafeModelMultipleChoiceField

from core.concurrency import VersionedFormMixin
from core.roles import Role

from ..models import Mentee, Mentor, MentoringForm, Programme, Stage, StageActivity, SubProgramme, TrainingSession, User
from ..services.mentor_selection import selectable_mentors
from ..services.subprogrammes import SUBPROGRAMME_FIELDS, role_models_from_text
from .base import DATE_WIDGET, PlainTextFormMixin

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
# What each accepted extension must look like inside: its first bytes, and for Office files the parts
# that make an archive a document or a workbook.
ATTACHMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "docx": (ZIP_MAGIC,),
    "xlsx": (ZIP_MAGIC,),
}
OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
ATTACHMENT_FORMATS = "PDF, DOC, DOCX, XLSX, JPG или PNG"


def check_attachment(upload) -> None:
    """Refuse a file that is too large, of another type, or whose content does not match its extension."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_SIGNATURES:
        raise forms.ValidationError(f"Приложите файл {ATTACHMENT_FORMATS}.")
    if upload.size == 0:
        raise forms.ValidationError("Файл пустой.")
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise forms.ValidationError("Файл больше 10 МБ.")
    head = upload.read(8)
    upload.seek(0)
    mismatch = forms.ValidationError(
        f"Файл назван .{extension}, но внутри другой формат: сохраните его заново как {extension.upper()}."
    )
    if not head.startswith(ATTACHMENT_SIGNATURES[extension]):
        raise mismatch
    if extension in OFFICE_PARTS:
        try:
            with zipfile.ZipFile(upload) as archive:
                parts = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError):
            raise mismatch from None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" not in parts or OFFICE_PARTS[extension] not in parts:
            raise mismatch


def school_year(today):
    """The school year a new programme most likely covers: 1 September – 31 May."""
    year = today.year if today.month >= 6 else today.year - 1
    return year, date(year, 9, 1), date(year + 1, 5, 31)


class ProgrammeForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "starts_on",
            "ends_on",
            "forms",
            "goals",
            "tasks",
            "expected_results",
            "curator",
            "responsible",
        ]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "forms": forms.CheckboxSelectMultiple,
            "goals": forms.Textarea(attrs={"rows": 3}),
            "tasks": forms.Textarea(attrs={"rows": 3}),
            "expected_results": forms.Textarea(attrs={"rows": 3}),
            "responsible": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"forms": SafeModelMultipleChoiceField}
        help_texts = {"responsible": "Кто отвечает за программу, кроме куратора: ФИО и должности."}

    def __init__(self, *args, tenant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forms"].queryset = MentoringForm.objects.all()
        self.fields["forms"].label_from_instance = lambda form: f"{form.name} ({form.get_audience_display()})"
        self.fields["forms"].help_text = "Список форм школы можно дополнить в справочнике форм наставничества."
        self.fields["curator"].queryset = User.objects.filter(
            memberships__organization=tenant, memberships__role=Role.CURATOR
        ).distinct()
        self.fields["curator"].empty_label = "— не назначен —"
        self.fields["curator"].help_text = "Пользователь с ролью «Куратор» в этой школе."


class ProgrammeEditForm(VersionedFormMixin, ProgrammeForm):
    replan_stages = forms.BooleanField(
        label="Перенести даты этапов и сроки мероприятий пропорционально новым срокам программы",
        required=False,
    )


class StageForm(VersionedFormMixin, PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["starts_on", "ends_on", "responsible", "status", "local_acts"]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "local_acts": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].required = True
        self.fields["ends_on"].required = True


class ActivityForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = StageActivity
        fields = ["title", "due_on"]
        widgets = {"due_on": DATE_WIDGET}
        help_texts = {"due_on": "Пусто — до окончания этапа."}


class ActivityDoneForm(PlainTextFormMixin, forms.Form):
    done_on = forms.DateField(label="Дата выполнения", widget=DATE_WIDGET)
    attachment = forms.FileField(
        label="Файл",
        required=False,
        help_text=f"{ATTACHMENT_FORMATS} до 10 МБ: приказ, протокол, план. Новый файл заменит прежний.",
    )
    document_link = forms.URLField(label="Ссылка на документ", required=False, max_length=200, assume_scheme="https")

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment:
            check_attachment(attachment)
        return attachment


class SubProgrammeForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = SubProgramme
        fields = list(SUBPROGRAMME_FIELDS)
        help_texts = {"period": "Например: 2026–2027 учебный год."}


class MentoringFormForm(PlainTextFormMixin, forms.ModelForm):
    """A form of mentoring of the school, with its role models typed one per line."""

    mentor_categories = forms.MultipleChoiceField(
        label="Кто может быть наставником", choices=Mentor.Category.choices, widget=forms.CheckboxSelectMultiple
    )
    mentee_categories = forms.MultipleChoiceField(
        label="Кто может быть наставляемым", choices=Mentee.Category.choices, widget=forms.CheckboxSelectMultiple
    )
    role_models = forms.CharField(
        label="Ролевые модели",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="По одной на строке, например: «успевающий – неуспевающий».",
    )

    class Meta:
        model = MentoringForm
        fields = ["name", "audience", "mentor_must_be_older"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial.update(
                mentor_categories=self.instance.mentor_categories,
                mentee_categories=self.instance.mentee_categories,
                role_models="\n".join(self.instance.role_models),
            )

    def clean_role_models(self):
        models = role_models_from_text(self.cleaned_data.get("role_models", ""))
        too_long = [model for model in models if len(model) > 200]
        if too_long:
            raise forms.ValidationError(f"Ролевая модель длиннее 200 знаков: «{too_long[0][:40]}…».")
        return models


class MentorSelectionForm(forms.Form):
    """The mentors shown on the selection page, and those of them ticked."""

    shown = SafeModelMultipleChoiceField(queryset=Mentor.objects.none(), required=False)
    selected = SafeModelMultipleChoiceField(queryset=Mentor.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown"].queryset = selectable_mentors()
        self.fields["selected"].queryset = selectable_mentors()


class TrainingSessionForm(PlainTextFormMixin, forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = ["held_on", "topic", "trainer"]
        widgets = {"held_on": DATE_WIDGET}


class AttendanceForm(forms.Form):
    attendees = SafeModelMultipleChoiceField(
        label="Присутствовали",
        queryset=Mentor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Отобранные в программу наставники. Отмеченные «не обучен» станут «обучается».",
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = choices


class CompleteTrainingForm(forms.Form):
    mentors = SafeModelMultipleChoiceField(queryset=Mentor.objects.none(), required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = Mentor.objects.filter(programmes__programme=programme)
