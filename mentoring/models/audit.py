from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from .tenants import Municipality, Organization

# Every action the audit log records, with the words users read.
ACTION_LABELS = {
    "membership.granted": "Назначена роль",
    "membership.revoked": "Снята роль",
    "person.created": "Внесена запись",
    "person.updated": "Изменена запись",
    "person.card_opened": "Открыта карточка несовершеннолетнего",
    "person.erased": "Удалены персональные данные",
    "person.imported": "Импорт записей",
    "consent.registered": "Зарегистрировано согласие",
    "consent.withdrawn": "Отозвано согласие",
    "people.exported": "Выгрузка списка",
    "programme.created": "Создана программа",
    "programme.updated": "Изменена программа",
    "stage.updated": "Изменён этап программы",
    "activity.added": "Добавлено мероприятие этапа",
    "activity.updated": "Изменено мероприятие этапа",
    "activity.deleted": "Удалено мероприятие этапа",
    "activity.done": "Мероприятие этапа выполнено",
    "activity.undone": "Снята отметка о выполнении мероприятия",
    "subprogramme.created": "Добавлена подпрограмма",
    "subprogramme.updated": "Изменена подпрограмма",
    "subprogramme.deleted": "Удалена подпрограмма",
    "form.created": "Добавлена форма наставничества",
    "form.updated": "Изменена форма наставничества",
    "mentors.selected": "Изменён отбор наставников в программу",
    "training.session_created": "Запланировано занятие «Школы наставников»",
    "training.session_updated": "Изменено занятие «Школы наставников»",
    "training.recorded": "Отмечено посещение «Школы наставников»",
    "training.completed": "Наставник прошёл обучение",
    "pair.formed": "Сформирована пара / группа",
    "pair.closed": "Завершена пара / группа",
    "nomination.added": "Наставник представлен к поощрению",
    "nomination.removed": "Отменено представление к поощрению",
    "practice.saved": "Сохранена лучшая практика",
    "mentor.from_mentee": "Бывший наставляемый внесён в базу наставников",
    "meeting.recorded": "Запись в журнале наставника",
    "meeting.updated": "Изменена запись в журнале наставника",
    "plan.updated": "Изменён план работы пары / группы",
}


class AuditEntry(models.Model):
    """One recorded action: who did what to which object, when, and what changed (old → new).

    Written only through ``mentoring.audit.log_action``. School entries belong to their organisation and are
    scoped like every school row; municipal entries carry the municipality and no organisation.
    """

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="организация"
    )
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="муниципалитет"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="кто",
    )
    action = models.CharField("действие", max_length=100)
    object_type = models.CharField("тип объекта", max_length=100, blank=True)
    object_id = models.CharField("идентификатор объекта", max_length=64, blank=True)
    object_repr = models.CharField("объект", max_length=300, blank=True)
    changes = models.JSONField("изменения", default=dict, blank=True)
    ip_address = models.GenericIPAddressField("IP-адрес", null=True, blank=True)
    created_at = models.DateTimeField("когда", auto_now_add=True, db_index=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        verbose_name = "запись журнала действий"
        verbose_name_plural = "журнал действий"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%d.%m.%Y %H:%M} {self.action_label} {self.object_repr}"

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.action, self.action)
