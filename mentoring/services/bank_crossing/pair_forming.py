"""The pair a director's acceptance forms, in the mentee's school and inside its scope: the listing's mentor as a
row of that school's base of mentors (no contacts), paired by the usual rules of ``form_pair``."""

from django.utils import timezone

from mentoring.models import BankRequest, Mentor, Pair, ProgrammeMentor
from mentoring.services.bank_crossing.reach import BANK_FORM_CODE
from mentoring.services.pairs import form_pair


def _guest_mentor(bank_request: BankRequest) -> Mentor:
    """The listing's mentor in the mentee's school's base (inside its scope): the row of an earlier pair from the
    same listing, else a new one with the name, the consent's number and date and, as competencies, the mentee's
    requests — no contacts."""
    earlier = (
        BankRequest.objects.filter(entry_id=bank_request.entry_id, pair__isnull=False).select_related("pair").first()
    )
    if earlier is not None:
        return earlier.pair.mentor
    source, entry = bank_request.entry.mentor, bank_request.entry
    mentor = Mentor.objects.create(
        organization=bank_request.organization, last_name=source.last_name, first_name=source.first_name,
        patronymic=source.patronymic, gender=source.gender, name_forms=source.name_forms,
        category=Mentor.Category.TEACHER, position=f"{entry.subject}; банк наставников: {entry.organization}",
        strengths=entry.competencies, consent_number=source.consent_number, consent_date=source.consent_date,
        training=source.training, capacity=1,
    )  # fmt: skip
    # In the mentee's school the mentor's competencies are what they were asked for, from the school's own list.
    mentor.competencies.set(bank_request.mentee.requests.all())
    return mentor


def form_bank_pair(bank_request: BankRequest, *, actor) -> Pair:
    """The pair in the mentee's school (inside its scope), formed by the usual rules of ``form_pair``."""
    mentor = _guest_mentor(bank_request)
    ProgrammeMentor.objects.get_or_create(
        organization=bank_request.organization, programme=bank_request.programme, mentor=mentor
    )
    # The mentor takes exactly the pairs their listing brought to this school: matching proposes them nobody else.
    load = Pair.objects.filter(mentor=mentor, status=Pair.Status.ACTIVE).count()
    Mentor.objects.filter(pk=mentor.pk).update(capacity=load + 1)
    mentor.capacity = load + 1
    form = bank_request.programme.forms.get(code=BANK_FORM_CODE)
    starts_on = timezone.localdate()
    return form_pair(
        programme=bank_request.programme, mentor=mentor, mentees=[bank_request.mentee], form=form,
        starts_on=starts_on, planned_end_on=max(bank_request.planned_end_on, starts_on), actor=actor,
        tenant=bank_request.organization, goals=bank_request.need,
        role_model="опытный педагог – молодой специалист"
        if "опытный педагог – молодой специалист" in form.role_models else "",
    )  # fmt: skip
