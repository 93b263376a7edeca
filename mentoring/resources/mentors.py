"""The resource of the base of mentors."""

from django.utils import timezone
from import_export import fields

from mentoring.models import Mentor, PartnerOrganization
from mentoring.resources.person import PersonResource
from mentoring.resources.widgets import (
    SCHOOL_COLUMN,
    PartnerWidget,
    SchoolField,
    SchoolWidget,
    TagsField,
    TagsWidget,
    choice,
    day,
    normalized,
    number,
    text,
)


class MentorResource(PersonResource):
    """The base of mentors; the account and the children of a parent-mentor are set in the card, not here."""

    model = Mentor
    tag_field = "competencies"

    last_name = text("last_name", "Фамилия")
    first_name = text("first_name", "Имя")
    patronymic = text("patronymic", "Отчество")
    birth_date = day("birth_date", "Дата рождения")
    category = choice("category", "Категория", Mentor)
    position = text("position", "Должность / класс / место учёбы")
    partner = fields.Field(attribute="partner", column_name="Организация-партнёр", widget=PartnerWidget())
    competencies = TagsField(attribute="competencies", column_name="Компетенции", widget=TagsWidget("компетенции"))
    strengths = text("strengths", "Сильные стороны, опыт")
    experience_years = number("experience_years", "Стаж, лет")
    capacity = number("capacity", "Наибольшее число наставляемых", default=1)
    consent_number = text("consent_number", "Согласие быть наставником: номер")
    consent_date = day("consent_date", "Согласие быть наставником: дата")
    training = choice("training", "Обучение", Mentor)
    status = choice("status", "Статус", Mentor)
    phone = text("phone", "Телефон")
    email = text("email", "Электронная почта")
    notes = text("notes", "Примечания")
    school = SchoolField(attribute="organization", column_name=SCHOOL_COLUMN, widget=SchoolWidget())

    def load_lookups(self):
        super().load_lookups()
        self.fields["partner"].widget.known = {normalized(p.name): p for p in PartnerOrganization.objects.all()}

    def rule_errors(self, instance) -> dict:
        errors = super().rule_errors(instance)
        if instance.category == Mentor.Category.EMPLOYEE and instance.partner is None:
            errors["partner"] = "Для сотрудника организации-партнёра укажите организацию."
        if bool(instance.consent_number) != bool(instance.consent_date):
            errors["consent_date"] = "Укажите и номер, и дату письменного согласия."
        elif instance.consent_date and instance.consent_date > timezone.localdate():
            errors["consent_date"] = "Дата согласия не может быть в будущем."
        return errors
