"""The actions of the teachers' growth app that the audit log records, with the words users read."""

AUDIT_ACTIONS = {
    "difficulties.questionnaire_updated": "Изменена анкета профессиональных затруднений",
    "difficulties.assessed": "Записана самооценка профессиональных затруднений",
    "personal_programme.created": "Составлена персонализированная программа наставничества",
    "personal_programme.activity_added": "Добавлено мероприятие персонализированной программы",
    "route.saved": "Сохранён индивидуальный образовательный маршрут",
}
