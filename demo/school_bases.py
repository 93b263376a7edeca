"""What the demo puts into each school's bases (stages 2 and 3): partner organisations, the demo mentor accounts'
records, the numbers of mentees and mentors, and which pupils have support categories, no consent or a withdrawn
one."""

from dataclasses import dataclass, field
from datetime import date

from mentoring.models import Mentee, Mentor, PartnerOrganization


@dataclass(frozen=True)
class Partner:
    name: str
    kind: str
    contact_name: str
    contact_phone: str
    agreement_number: str
    agreement_date: date
    positions: tuple[str, ...]  # of its employees who mentor


@dataclass(frozen=True)
class AccountMentor:
    """A demo mentor account's record in the school's base of mentors."""

    email: str
    age: int
    experience_years: int
    capacity: int
    competencies: tuple[str, ...]
    strengths: str


@dataclass(frozen=True)
class SchoolBase:
    """What goes into one school's bases of mentees and mentors."""

    mentees: int
    mentors: int
    letters: str  # class letters the school has
    registrar: str  # e-mail of the user who registers consents
    partners: tuple[Partner, Partner]  # an enterprise, then a college
    accounts: tuple[AccountMentor, ...] = field(default=())


MENTOR1 = AccountMentor(
    "mentor1@sh40.demo",
    age=44,
    experience_years=21,
    capacity=3,
    competencies=("Подготовка к ОГЭ по математике", "Олимпиадная подготовка", "Методика преподавания"),
    strengths="Эксперт ОГЭ по математике, руководитель школьного методического объединения",
)
MENTOR2 = AccountMentor(
    "mentor2@sh40.demo",
    age=35,
    experience_years=11,
    capacity=2,
    competencies=("Проектная деятельность", "Цифровая грамотность", "Профориентация"),
    strengths="Руководитель кружка робототехники, готовит команды к региональным соревнованиям",
)

SCHOOL_BASES = {
    "sh40": SchoolBase(
        mentees=42,
        mentors=12,
        letters="АБВ",
        registrar="curator@sh40.demo",
        partners=(
            Partner(
                "АО «Большемуртинский леспромхоз»",
                PartnerOrganization.Kind.EMPLOYER,
                "Гаврилов Сергей Петрович",
                "+7 913 531-22-40",
                "7-С/2025",
                date(2025, 9, 10),
                ("Мастер участка", "Инженер-технолог"),
            ),
            Partner(
                "КГБПОУ «Муртинский педагогический колледж»",
                PartnerOrganization.Kind.COLLEGE,
                "Лазарева Ирина Викторовна",
                "+7 923 304-18-77",
                "12-С/2025",
                date(2025, 10, 1),
                ("Преподаватель",),
            ),
        ),
        accounts=(MENTOR1, MENTOR2),
    ),
    "bm-sosh1": SchoolBase(
        mentees=40,
        mentors=12,
        letters="АБВГ",
        registrar="director@sosh1.demo",
        partners=(
            Partner(
                "ООО «Агрофирма «Таёжная»",
                PartnerOrganization.Kind.EMPLOYER,
                "Никифоров Алексей Иванович",
                "+7 902 940-11-35",
                "3-С/2024",
                date(2024, 11, 14),
                ("Главный агроном", "Механик"),
            ),
            Partner(
                "КГБПОУ «Муртинский многопрофильный техникум»",
                PartnerOrganization.Kind.COLLEGE,
                "Филатова Наталья Олеговна",
                "+7 950 412-63-08",
                "21-С/2025",
                date(2025, 9, 22),
                ("Мастер производственного обучения",),
            ),
        ),
        accounts=(MENTOR2,),
    ),
    "talazhanka": SchoolBase(
        mentees=36,
        mentors=10,
        letters="А",
        registrar="director@talazhanka.demo",
        partners=(
            Partner(
                "СПК «Талажанский»",
                PartnerOrganization.Kind.EMPLOYER,
                "Савельев Виктор Андреевич",
                "+7 983 207-55-91",
                "2-С/2025",
                date(2025, 2, 3),
                ("Зоотехник", "Механизатор"),
            ),
            Partner(
                "КГБПОУ «Красноярский аграрный техникум»",
                PartnerOrganization.Kind.COLLEGE,
                "Маслова Елена Юрьевна",
                "+7 908 116-40-22",
                "15-С/2025",
                date(2025, 9, 15),
                ("Преподаватель",),
            ),
        ),
    ),
}

# Pupils (by their index in the school's list) with support categories, and what happens to some of them.
SUPPORT = {
    3: ["ovz"],
    9: ["gifted"],
    16: ["hard_situation"],
    22: ["ovz"],
    27: ["gifted"],
    33: ["hard_situation", "low_achievement"],
}
WITHDRAWN_PUPIL = 2  # the representative withdrew the consent a few days ago; erasure is still ahead
NO_CONSENT_EVERY = 8  # every eighth pupil (5th, 13th, …) has no consent of the representative yet
NO_CONSENT_AT = 5
PUPIL_STATUSES = {30: Mentee.Status.COMPLETED, 35: Mentee.Status.LEFT}
SOURCES = (
    Mentee.Source.CLASS_TEACHER,
    Mentee.Source.QUESTIONNAIRE,
    Mentee.Source.APPLICATION,
    Mentee.Source.CLASS_TEACHER,
    Mentee.Source.PSYCHOLOGIST,
)
# Adults among the mentees: (category, age, teaching experience, position).
ADULT_MENTEES = (
    (Mentee.Category.YOUNG_SPECIALIST, 23, 0, "Учитель английского языка"),
    (Mentee.Category.YOUNG_SPECIALIST, 26, 2, "Учитель начальных классов"),
    (Mentee.Category.NEW_TEACHER, 27, 3, "Учитель химии"),
    (Mentee.Category.STUDENT, 20, None, None),  # a student of the partner college on practice
)
TRAINING_CYCLE = (
    Mentor.Training.TRAINED,
    Mentor.Training.TRAINED,
    Mentor.Training.IN_TRAINING,
    Mentor.Training.NOT_TRAINED,
)
