"""Synthetic Russian people for the demo and the generated data set: names with the right forms of surname and
patronymic, families of minors with their legal representatives, phones, birth dates, classes and courses.

Every generator takes a ``random.Random`` instance, so the same seed always gives the same values. Nothing here
touches the database.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


# --- People -----------------------------------------------------------------------------------------------------

MALE_FIRST_NAMES = (
    "Александр", "Алексей", "Анатолий", "Андрей", "Антон", "Аркадий", "Артём", "Борис", "Вадим", "Валентин",
    "Валерий", "Василий", "Виктор", "Виталий", "Владимир", "Владислав", "Вячеслав", "Геннадий", "Георгий", "Глеб",
    "Григорий", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл", "Константин", "Лев",
    "Леонид", "Максим", "Матвей", "Михаил", "Никита", "Николай", "Олег", "Павел", "Пётр", "Роман", "Руслан",
    "Сергей", "Станислав", "Степан", "Тимофей", "Фёдор", "Юрий", "Яков", "Ярослав",
)  # fmt: skip

FEMALE_FIRST_NAMES = (
    "Алла", "Алёна", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Виктория", "Галина", "Дарья",
    "Евгения", "Екатерина", "Елена", "Елизавета", "Жанна", "Зоя", "Ирина", "Кристина", "Ксения", "Лариса",
    "Любовь", "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Нина", "Оксана", "Ольга",
    "Полина", "Светлана", "Софья", "Тамара", "Татьяна", "Ульяна", "Юлия", "Яна",
)  # fmt: skip

# Surnames in their male form; ``surname()`` gives the female form.
SURNAMES = (
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
    "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
    "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
    "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев",
    "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов",
    "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов",
    "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников",
    "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин",
    "Чернов", "Абрамов", "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Быков",
    "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв", "Голубев",
    "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников", "Трофимов", "Леонов", "Соболев",
    "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачёв", "Котов", "Гришин", "Ефремов",
    "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев",
    "Бирюков", "Горбунов", "Анисимов", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов",
    "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков", "Левин", "Митрофанов", "Воронов",
    "Аксёнов", "Мальцев", "Логинов", "Горшков", "Савин", "Краснов", "Майоров", "Демидов", "Елисеев", "Рыбаков",
    "Сафонов", "Плотников", "Хохлов", "Жданов",
    "Вишневский", "Островский", "Покровский", "Успенский", "Введенский", "Соколовский", "Троицкий", "Завадский",
    "Толстой", "Луговой", "Боровой", "Белый",
    "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Черных", "Седых", "Долгих",
)  # fmt: skip

# Names whose patronymic does not follow the general rules: (male, female).
IRREGULAR_PATRONYMICS = {
    "Илья": ("Ильич", "Ильинична"),
    "Никита": ("Никитич", "Никитична"),
    "Лев": ("Львович", "Львовна"),
    "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"),
    "Михаил": ("Михайлович", "Михайловна"),
    "Яков": ("Яковлевич", "Яковлевна"),
}

_VOWELS = set("аеёиоуыэюя")


def surname(male_form: str, gender: Gender) -> str:
    """The surname in the form for ``gender``: Иванов → Иванова, Троицкий → Троицкая; Шевченко, Черных stay."""
    if gender == Gender.MALE:
        return male_form
    if male_form.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return male_form + "а"
    if male_form.endswith(("ий", "ый", "ой")):
        return male_form[:-2] + "ая"
    return male_form


def patronymic(father_name: str, gender: Gender) -> str:
    """The patronymic from the father's (male) first name: Сергей → Сергеевич / Сергеевна, Юрий → Юрьевич."""
    if father_name in IRREGULAR_PATRONYMICS:
        male, female = IRREGULAR_PATRONYMICS[father_name]
    else:
        male = _male_patronymic(father_name)
        female = male[:-3] + "вна"  # -ович → -овна, -евич → -евна
    return male if gender == Gender.MALE else female


def _male_patronymic(name: str) -> str:
    if name.endswith("ий"):
        stem = name[:-2]
        # After a single consonant the "и" drops (Юрий → Юрьевич); after a cluster it stays (Дмитрий → Дмитриевич).
        if stem[-2].lower() in _VOWELS:
            return stem + "ьевич"
        return stem + "иевич"
    if name.endswith("й"):  # Андрей → Андреевич, Николай → Николаевич
        return name[:-1] + "евич"
    if name.endswith("ь"):  # Игорь → Игоревич
        return name[:-1] + "евич"
    if name[-1] in "жчшщц":
        return name + "евич"
    return name + "ович"


@dataclass(frozen=True)
class Person:
    """A generated person's name; ``gender`` decides the forms of the surname and patronymic."""

    gender: Gender
    last_name: str
    first_name: str
    patronymic: str

    @property
    def full_name(self) -> str:
        return f"{self.last_name} {self.first_name} {self.patronymic}"

    @property
    def initials_name(self) -> str:
        """«Е.В. Смирнова», as an organisation's head is written in its card."""
        return f"{self.first_name[0]}.{self.patronymic[0]}. {self.last_name}"


def person(rng: random.Random, female_share: float = 0.5) -> Person:
    """A random person; ``female_share`` is the chance of a woman (about 0.8 among Russian teachers)."""
    gender = Gender.FEMALE if rng.random() < female_share else Gender.MALE
    first_names = FEMALE_FIRST_NAMES if gender == Gender.FEMALE else MALE_FIRST_NAMES
    return Person(
        gender=gender,
        last_name=surname(rng.choice(SURNAMES), gender),
        first_name=rng.choice(first_names),
        patronymic=patronymic(rng.choice(MALE_FIRST_NAMES), gender),
    )


TEACHER_SUBJECTS = (
    "математики", "русского языка и литературы", "физики", "химии", "биологии", "истории и обществознания",
    "географии", "информатики", "английского языка", "немецкого языка", "физической культуры", "музыки",
    "изобразительного искусства", "технологии", "начальных классов", "основ безопасности и защиты Родины",
)  # fmt: skip


def teacher_position(rng: random.Random) -> str:
    """«Учитель математики» and the like."""
    return f"Учитель {rng.choice(TEACHER_SUBJECTS)}"


_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text: str) -> str:
    """Lower-case ASCII for e-mail addresses and slugs: «Соловьёв» → «solovev»; spaces and hyphens become "-"."""
    out = []
    for char in text.lower():
        if char in _TRANSLIT:
            out.append(_TRANSLIT[char])
        elif char.isascii() and char.isalnum():
            out.append(char)
        elif char in " -":
            out.append("-")
    return "".join(out).strip("-")


def weighted_row(rng: random.Random, rows):
    """Pick one row of ``(…, weight)`` tuples by its weight; return the row without the weight."""
    row = rng.choices(rows, weights=[row[-1] for row in rows])[0]
    return row[:-1]


# --- Mentees and mentors ----------------------------------------------------------------------------------------

# First names of today's pupils (born 2008–2016): the most given names of those years.
CHILD_MALE_FIRST_NAMES = (
    "Александр", "Алексей", "Андрей", "Арсений", "Артём", "Богдан", "Владислав", "Глеб", "Даниил", "Денис",
    "Дмитрий", "Егор", "Иван", "Илья", "Кирилл", "Лев", "Максим", "Марк", "Матвей", "Михаил", "Никита", "Павел",
    "Роман", "Савелий", "Семён", "Сергей", "Степан", "Тимофей", "Фёдор", "Ярослав",
)  # fmt: skip
CHILD_FEMALE_FIRST_NAMES = (
    "Александра", "Алиса", "Алёна", "Анастасия", "Анна", "Арина", "Валерия", "Варвара", "Василиса", "Вероника",
    "Виктория", "Дарья", "Диана", "Ева", "Екатерина", "Елизавета", "Злата", "Кира", "Ксения", "Маргарита",
    "Мария", "Милана", "Полина", "София", "Софья", "Таисия", "Ульяна", "Яна",
)  # fmt: skip

# Who signs for a minor (152-ФЗ: a parent, an adoptive parent or a guardian), with weights.
REPRESENTATIVE_RELATIONS = (("мать", 72), ("отец", 19), ("бабушка", 5), ("опекун", 4))

# Mobile operator codes common in Siberia and the Urals.
MOBILE_CODES = ("902", "904", "908", "913", "923", "929", "933", "950", "952", "953", "983", "999")


@dataclass(frozen=True)
class Family:
    """A minor and the legal representative who signs for them: the child's patronymic is the father's name's."""

    child: Person
    representative: Person
    relation: str  # «мать», «отец», «бабушка», «опекун»


def family(rng: random.Random, female_share: float = 0.5) -> Family:
    """A pupil with a modern first name and their legal representative (mostly the mother)."""
    gender = Gender.FEMALE if rng.random() < female_share else Gender.MALE
    family_name = rng.choice(SURNAMES)
    father = rng.choice(MALE_FIRST_NAMES)
    first_names = CHILD_FEMALE_FIRST_NAMES if gender == Gender.FEMALE else CHILD_MALE_FIRST_NAMES
    child = Person(gender, surname(family_name, gender), rng.choice(first_names), patronymic(father, gender))
    relation = weighted_row(rng, REPRESENTATIVE_RELATIONS)[0]
    if relation == "отец":
        representative = Person(Gender.MALE, family_name, father, patronymic(rng.choice(MALE_FIRST_NAMES), Gender.MALE))
    elif relation in ("мать", "бабушка"):
        representative = Person(
            Gender.FEMALE,
            surname(family_name, Gender.FEMALE),
            rng.choice(FEMALE_FIRST_NAMES),
            patronymic(rng.choice(MALE_FIRST_NAMES), Gender.FEMALE),
        )
    else:  # a guardian usually has another surname
        representative = person(rng, female_share=0.85)
    return Family(child, representative, relation)


def years_before(day: date, years: int) -> date:
    """The same day ``years`` years earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def birth_date(rng: random.Random, age: int, today: date) -> date:
    """A birth date of someone who is exactly ``age`` years old on ``today``."""
    latest = years_before(today, age)
    earliest = years_before(today, age + 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randint(0, (latest - earliest).days))


def school_class(rng: random.Random, age: int, letters: str = "АБВГ") -> str:
    """A class that fits the age (grade = age − 6 or age − 7, as children start school at 6½–7½): «7Б»."""
    grade = min(11, max(1, age - rng.choice((6, 7))))
    return f"{grade}{rng.choice(letters)}"


def mobile_phone(rng: random.Random) -> str:
    """«+7 913 123-45-67»."""
    code = rng.choice(MOBILE_CODES)
    return f"+7 {code} {rng.randint(100, 999)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"


def day_between(rng: random.Random, first: date, last: date) -> date:
    """A random day from ``first`` to ``last`` inclusive (``first`` if ``last`` is earlier)."""
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


def school_year_start(today: date) -> date:
    """1 September of the current school year."""
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def course_of_study(age: int) -> int:
    """The course (year) of a student of ``age`` who entered after the 11th grade at 18: 1–4."""
    return min(4, max(1, age - 17))
