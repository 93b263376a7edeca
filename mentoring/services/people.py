"""Keeping the bases of mentees and mentors: every change is audited (old → new), and so is every look
at a minor's card."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from core.audit import changes_between, log_action, snapshot
from core.concurrency import check_version
from mentoring.models import Consent, Mentee, Mentor
from mentoring.models.consents import ERASURE_DAYS
from mentoring.models.people import ADULT_AGE, age_on


@transaction.atomic
def save_person(form, *, actor, tenant, request=None):
    """Save a mentee or mentor form (with its many-to-many fields) and record what changed."""
    created = form.instance.pk is None
    # The form has already copied the new values onto its instance: read the stored record for "before", locked,
    # and refuse the save when someone changed it after this form was opened.
    before = {}
    if not created:
        stored = type(form.instance).objects.select_for_update().get(pk=form.instance.pk)
        check_version(stored, getattr(form, "submitted_version", None))
        before = snapshot(stored)
    if created:
        form.instance.organization = tenant
    person = form.save()
    changes = changes_between(before, snapshot(person))
    if created or changes:
        log_action(
            "person.created" if created else "person.updated",
            actor=actor,
            tenant=tenant,
            obj=person,
            changes=changes,
            request=request,
        )
    return person


MINOR_NEEDS_REPRESENTATIVE = "Наставляемый несовершеннолетний: укажите законного представителя."


def minor_representative_errors(birth_date, representative_name, representative_relation, today=None) -> dict:
    """The one rule for a minor mentee, used by the form and the import: a legal representative is named.

    Returns ``{field: message}`` for the missing representative fields (empty for an adult or an unknown age).
    """
    age = age_on(birth_date, today or timezone.localdate())
    if age is None or age >= ADULT_AGE:
        return {}
    given = {"representative_name": representative_name, "representative_relation": representative_relation}
    return {field: MINOR_NEEDS_REPRESENTATIVE for field, value in given.items() if not (value or "").strip()}


def minor_birth_date_cutoff(today=None):
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - ADULT_AGE)
    except ValueError:  # 29 February
        return today.replace(year=today.year - ADULT_AGE, day=28)


def with_consent_flags(mentees):
    """Annotate ``needs_consent``: a minor with no valid personal-data consent of a legal representative."""
    valid_representative_consent = Consent.objects.filter(
        mentee=OuterRef("pk"),
        purpose=Consent.Purpose.PERSONAL_DATA,
        withdrawn_at__isnull=True,
    ).exclude(given_by_relation="")
    minor = Q(birth_date__gt=minor_birth_date_cutoff())
    return mentees.annotate(has_representative_consent=Exists(valid_representative_consent)).annotate(
        needs_consent=minor & ~Q(has_representative_consent=True)
    )


def without_written_consent(mentors):
    """The mentors who must sign a written consent to mentor and have none: ``Mentor.needs_written_consent`` and
    not ``has_written_consent``, as one filter for counting in the database."""
    needs = (
        Q(category__in=[Mentor.Category.TEACHER, Mentor.Category.EMPLOYEE])
        | Q(birth_date__isnull=True)
        | Q(birth_date__lte=minor_birth_date_cutoff())
    )
    return mentors.filter(needs & (Q(consent_number="") | Q(consent_date__isnull=True)))


def mentee_has_valid_consent(mentee) -> bool:
    """Whether a mentee may be put in a pair: an adult's own consent, or a minor's representative's."""
    consents = Consent.objects.filter(mentee=mentee, purpose=Consent.Purpose.PERSONAL_DATA, withdrawn_at__isnull=True)
    if mentee.is_minor:
        consents = consents.exclude(given_by_relation="")
    return consents.exists()


@transaction.atomic
def register_consent(form, *, subject, actor, tenant, request=None) -> Consent:
    consent = form.save(commit=False)
    consent.organization = tenant
    consent.registered_by = actor
    if isinstance(subject, Mentee):
        consent.mentee = subject
    else:
        consent.mentor = subject
    consent.save()
    log_action(
        "consent.registered",
        actor=actor,
        tenant=tenant,
        obj=subject,
        changes={"согласие": [None, str(consent)], "версия текста": [None, consent.text_version]},
        request=request,
    )
    return consent


@transaction.atomic
def withdraw_consent(consent: Consent, *, note: str, actor, tenant, request=None) -> Consent:
    """Withdraw a consent; a personal-data consent schedules the erasure of the person's data in 30 days."""
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.withdrawal_note = note
    if consent.purpose == Consent.Purpose.PERSONAL_DATA:
        consent.erasure_due = timezone.localdate() + timedelta(days=ERASURE_DAYS)
    consent.save(update_fields=["withdrawn_at", "withdrawal_note", "erasure_due"])
    log_action(
        "consent.withdrawn",
        actor=actor,
        tenant=tenant,
        obj=consent.subject,
        changes={
            "согласие": [str(consent), "отозвано"],
            "удалить данные до": [None, consent.erasure_due and consent.erasure_due.strftime("%d.%m.%Y")],
        },
        request=request,
    )
    return consent


ERASED = "Удалено"


@transaction.atomic
def erase_person(person, *, tenant) -> list[str]:
    """Anonymise a person whose consent was withdrawn: names, contacts, representative and free texts go;
    category, status, school year of birth stay, so that counts in reports remain correct."""
    erased = []
    for field in ("last_name", "first_name"):
        setattr(person, field, ERASED)
        erased.append(person._meta.get_field(field).verbose_name)
    blank_fields = ["patronymic", "phone", "email", "notes"]
    if isinstance(person, Mentee):
        blank_fields += [
            "requests_text",
            "representative_name",
            "representative_relation",
            "representative_phone",
            "representative_email",
        ]
        person.support_categories = []
        erased.append("категории поддержки")
    else:
        blank_fields += ["strengths", "consent_number"]
    for field in blank_fields:
        if getattr(person, field):
            erased.append(person._meta.get_field(field).verbose_name)
        setattr(person, field, "")
    if person.birth_date:
        person.birth_date = person.birth_date.replace(month=1, day=1)
        erased.append("день и месяц рождения")
    person.name_forms = {}
    person.anonymized_at = timezone.now()
    person.save()
    for consent in person.consents.all():
        consent.given_by_name = ERASED
        consent.withdrawal_note = ""
        consent.scan.delete(save=False)
        consent.save(update_fields=["given_by_name", "withdrawal_note", "scan"])
    log_action("person.erased", tenant=tenant, obj=person, changes={"удалено": [None, ", ".join(erased)]})
    return erased


def people_due_for_erasure(today=None):
    """Mentees and mentors whose withdrawn consent's erasure date has come (inside the current scope)."""
    today = today or timezone.localdate()
    due = Consent.objects.filter(erasure_due__lte=today, withdrawn_at__isnull=False)
    mentees = Mentee.objects.filter(anonymized_at__isnull=True, pk__in=due.values("mentee"))
    mentors = Mentor.objects.filter(anonymized_at__isnull=True, pk__in=due.values("mentor"))
    return list(mentees) + list(mentors)
