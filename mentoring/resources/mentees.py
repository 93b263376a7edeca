"""The resource of the base of mentees."""

from mentoring.models import Mentee
from mentoring.models.people import TEACHER_MENTEE_CATEGORIES
from mentoring.resources.person import PersonResource
from mentoring.resources.widgets import (
    SCHOOL_COLUMN,
    SchoolField,
    SchoolWidget,
    TagsField,
    TagsWidget,
    choice,
    day,
    number,
    text,
)
from mentoring.services.people import minor_representative_errors

TEACHER_CATEGORIES = TEACHER_MENTEE_CATEGORIES


class MenteeResource(PersonResource):
    """The base of mentees. Support categories are sensitive: never in a file, neither in nor out."""

    model = Mentee
    tag_field = "requests"

    last_name = text("last_name", "Фамилия")
    first_name = text("first_name", "Имя")
    patronymic = text("patronymic", "Отчество")
    birth_date = day("birth_date", "Дата рождения")
    category = choice("category", "Категория", Mentee)
    group = text("group", "Класс / группа / должность")
    teaching_experience = number("teaching_experience", "Педагогический стаж, лет")
    status = choice("status", "Статус", Mentee)
    source = choice("source", "Источник", Mentee)
    requests = TagsField(attribute="requests", column_name="Запросы", widget=TagsWidget("запросы"))
    requests_text = text("requests_text", "Запрос своими словами")
    phone = text("phone", "Телефон")
    email = text("email", "Электронная почта")
    representative_name = text("representative_name", "Законный представитель: ФИО")
    representative_relation = text("representative_relation", "Кем приходится")
    representative_phone = text("representative_phone", "Телефон представителя")
    representative_email = text("representative_email", "Почта представителя")
    notes = text("notes", "Примечания")
    school = SchoolField(attribute="organization", column_name=SCHOOL_COLUMN, widget=SchoolWidget())

    def rule_errors(self, instance) -> dict:
        errors = super().rule_errors(instance)
        representative = minor_representative_errors(
            instance.birth_date, instance.representative_name, instance.representative_relation
        )
        errors.update(representative)
        if instance.teaching_experience is not None and instance.category not in TEACHER_CATEGORIES:
            errors["teaching_experience"] = "Стаж указывается только для педагогов."
        return errors
