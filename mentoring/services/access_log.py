"""The 152-ФЗ access log: every page or file that shows a minor's personal data records who read whose data
and when, in one way — one audit entry per minor shown, on the minor's record (so the card's «История
изменений» and the school's «Журнал действий» filtered by the person list every reading). The entry names the
page by its action; it copies no personal value.

The readings recorded (``READ_ACTIONS``): the card, the edit form, the card's history, a pair's page and its
journal, a document about a minor (its page, its PDF or DOCX, a frozen version's PDF), the printable sheet of
questionnaire links, an export of the base.
"""

from mentoring.models import Mentee

READ_ACTIONS = {
    "person.card_opened": "Открыта карточка несовершеннолетнего",
    "person.form_opened": "Открыта форма изменения карточки несовершеннолетнего",
    "person.history_opened": "Открыта история изменений карточки несовершеннолетнего",
    "person.pair_opened": "Открыта страница пары / группы с несовершеннолетним",
    "person.journal_opened": "Открыт журнал пары / группы с несовершеннолетним",
    "person.document_opened": "Открыт документ о несовершеннолетнем",
    "person.document_downloaded": "Скачан файл документа о несовершеннолетнем",
    "person.links_sheet_opened": "Открыт лист ссылок на анкеты с именем несовершеннолетнего",
    "person.exported": "Несовершеннолетний попал в выгрузку списка",
}


def record_reading(action: str, people, *, request=None, actor=None, tenant=None, ip_address=None) -> int:
    """Record that ``people`` (mentees, mentors, anything) were shown: an entry for each minor mentee among them.

    From a view pass ``request`` (the reader, the school and the address come from it); from a job pass
    ``actor``, ``tenant`` and the ``ip_address`` recorded with the job. Returns the number of entries.
    """
    from core.audit import log_action_on_each

    if action not in READ_ACTIONS:
        raise ValueError(f"{action!r} is not a reading of personal data (mentoring.services.access_log).")
    minors = {person.pk: person for person in people if isinstance(person, Mentee) and person.is_minor}
    if not minors:
        return 0
    if request is not None:
        actor, tenant = request.user, request.tenant
    return log_action_on_each(
        action, minors.values(), actor=actor, tenant=tenant, request=request, ip_address=ip_address
    )


def pair_mentees(pair) -> list[Mentee]:
    """The mentees of a pair or group (from the prefetched members when the caller has them)."""
    return [member.mentee for member in pair.members.all()]
