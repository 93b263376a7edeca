"""The teachers' system of mentoring as staff matters (seed 001 §4.6; Labour Code art. 351.8, since 2025-03-01):

- ``PayRule`` — the school's pay for mentoring, as its local act sets it (the amount and the act, editable);
- ``Appointment`` — a teacher appointed mentor of a pair: the content, term and pay of mentoring agreed in an
  addendum to the labour contract, whether the addendum is signed, and an early ending (who ended it, when notice
  was given, the reason);
- ``Council`` with its ``CouncilMember``s, ``CouncilMeeting``s and the ``AgendaItem``s decided at each meeting
  (seed 001 §4.6.3): pairs proposed to the curator, reviews of a pair's programme or difficulties, rewards.
"""

from django.conf import settings
from django.db import models
from django_scopes import ScopedManager

from core.models import Organization
from mentoring.models import Mentee, Mentor, MentoringForm, Pair

SCOPED = {"organization": "organization"}


class PayRule(models.Model):
    """The pay for mentoring the school's local act sets (one per school)."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="+")
    monthly_amount = models.DecimalField("доплата за наставничество, руб. в месяц", max_digits=9, decimal_places=2)
    basis = models.CharField(
        "локальный акт, устанавливающий доплату",
        max_length=500,
        help_text="Например: Положение об оплате труда работников, раздел 5 «Выплаты компенсационного характера».",
    )

    objects = ScopedManager(**SCOPED)

    class Meta:
        verbose_name = "доплата за наставничество"
        verbose_name_plural = "доплаты за наставничество"

    def __str__(self):
        return f"{self.monthly_amount} руб. в месяц ({self.basis})"


class Appointment(models.Model):
    """A teacher appointed mentor of one pair or group under art. 351.8 of the Labour Code."""

    class EndedBy(models.TextChoices):
        EMPLOYER = "employer", "работодатель"
        MENTOR = "mentor", "наставник"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    pair = models.OneToOneField(Pair, on_delete=models.CASCADE, related_name="appointment")
    content = models.TextField("содержание наставничества")
    starts_on = models.DateField("наставничество с")
    ends_on = models.DateField("наставничество по")
    monthly_amount = models.DecimalField("доплата, руб. в месяц", max_digits=9, decimal_places=2)
    pay_basis = models.CharField("основание доплаты (локальный акт)", max_length=500)
    contract_number = models.CharField("номер трудового договора", max_length=50, blank=True)
    contract_date = models.DateField("дата трудового договора", null=True, blank=True)
    addendum_number = models.CharField("номер дополнительного соглашения", max_length=50, blank=True)
    addendum_signed_on = models.DateField("дополнительное соглашение подписано", null=True, blank=True)
    ended_by = models.CharField("кто прекратил досрочно", max_length=10, choices=EndedBy.choices, blank=True)
    notice_on = models.DateField("дата письменного предупреждения", null=True, blank=True)
    ended_on = models.DateField("наставничество прекращено", null=True, blank=True)
    end_reason = models.TextField("причина досрочного прекращения", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(**SCOPED)

    class Meta:
        verbose_name = "назначение наставником (ст. 351.8 ТК РФ)"
        verbose_name_plural = "назначения наставниками"
        ordering = ["starts_on", "pk"]

    def __str__(self):
        return f"{self.pair.mentor}: {self.starts_on:%d.%m.%Y} – {self.ends_on:%d.%m.%Y}"

    @property
    def addendum_signed(self) -> bool:
        return bool(self.addendum_signed_on)

    @property
    def ended_early(self) -> bool:
        return bool(self.ended_on)


class Council(models.Model):
    """The school's council of mentors (методическое объединение / совет наставников), one per school."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="+")
    name = models.CharField("название", max_length=200, default="Совет наставников")
    chair = models.ForeignKey(
        Mentor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="председатель"
    )
    secretary = models.ForeignKey(
        Mentor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="секретарь"
    )

    objects = ScopedManager(**SCOPED)

    class Meta:
        verbose_name = "совет наставников"
        verbose_name_plural = "советы наставников"

    def __str__(self):
        return self.name


class CouncilMember(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    mentor = models.ForeignKey(Mentor, on_delete=models.CASCADE, related_name="council_memberships")

    objects = ScopedManager(**SCOPED)

    class Meta:
        verbose_name = "член совета наставников"
        verbose_name_plural = "члены совета наставников"
        constraints = [models.UniqueConstraint(fields=["council", "mentor"], name="council_member_once")]

    def __str__(self):
        return str(self.mentor)


class CouncilMeeting(models.Model):
    """A meeting of the council: its number in the school year, date, who was present; the protocol is drawn from
    it (documents/kinds/teachers/protocol.py)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="meetings")
    number = models.PositiveSmallIntegerField("номер заседания")
    held_on = models.DateField("дата")
    present = models.ManyToManyField(Mentor, blank=True, related_name="+", verbose_name="присутствовали")
    invited = models.CharField("приглашённые", max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ScopedManager(**SCOPED)

    class Meta:
        verbose_name = "заседание совета наставников"
        verbose_name_plural = "заседания совета наставников"
        ordering = ["-held_on", "-number"]

    def __str__(self):
        return f"Заседание № {self.number} от {self.held_on:%d.%m.%Y}"


class AgendaItem(models.Model):
    """A question on the agenda with what was heard and decided. A decision about a pair references it; a pair
    proposed to the curator waits for the curator's answer; a reward nomination creates the mentor's
    ``RewardNomination``."""

    class Kind(models.TextChoices):
        GENERAL = "general", "общий вопрос"
        PAIR_PROPOSAL = "pair_proposal", "предложение пары куратору"
        PROGRAMME_REVIEW = "programme_review", "рассмотрение персонализированной программы"
        DIFFICULTIES_REVIEW = "difficulties_review", "анализ диагностики профессиональных затруднений"
        REWARD = "reward", "представление наставника к поощрению"

    class Proposal(models.TextChoices):
        PROPOSED = "proposed", "направлено куратору"
        ACCEPTED = "accepted", "принято куратором"
        DECLINED = "declined", "отклонено куратором"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(CouncilMeeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField("№ вопроса")
    kind = models.CharField("вид вопроса", max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    question = models.CharField("вопрос повестки", max_length=500)
    heard = models.TextField("слушали", blank=True)
    decision = models.TextField("решили")
    pair = models.ForeignKey(Pair, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    mentor = models.ForeignKey(Mentor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    mentee = models.ForeignKey(Mentee, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    form = models.ForeignKey(MentoringForm, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    proposal = models.CharField("предложение", max_length=10, choices=Proposal.choices, blank=True)
    proposal_answer = models.CharField("ответ куратора", max_length=500, blank=True)
    created_pair = models.ForeignKey(Pair, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = ScopedManager(**SCOPED)

    class Meta:
        verbose_name = "вопрос заседания"
        verbose_name_plural = "вопросы заседания"
        ordering = ["meeting", "position"]
        constraints = [models.UniqueConstraint(fields=["meeting", "position"], name="agenda_position_once")]

    def __str__(self):
        return f"{self.position}. {self.question}"
