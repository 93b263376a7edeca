"""Realistic synthetic values for generated data sets: Russian people, schools, districts, addresses, INN and OGRN.

Every generator takes a ``random.Random`` instance, so the same seed always gives the same values. Nothing here
touches the database; ``manage.py generate_dataset`` (and later generators of mentees, mentors, programmes…)
build model rows from these values.
"""

import random
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


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


# --- Places -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """A subject of the Russian Federation with the codes that addresses, phones, INN and OGRN carry."""

    name: str
    postcode_from: int  # first three digits of its postcodes
    postcode_to: int
    tax_code: str  # two digits that open INN and follow the year in OGRN
    phone_code: str  # first three digits of its area codes


REGIONS = (
    Region("Красноярский край", 660, 663, "24", "391"),
    Region("Новосибирская область", 630, 633, "54", "383"),
    Region("Свердловская область", 620, 624, "66", "343"),
    Region("Ханты-Мансийский автономный округ — Югра", 628, 628, "86", "346"),
    Region("Омская область", 644, 646, "55", "381"),
    Region("Иркутская область", 664, 666, "38", "395"),
    Region("Томская область", 634, 636, "70", "382"),
    Region("Кемеровская область — Кузбасс", 650, 654, "42", "384"),
    Region("Алтайский край", 656, 659, "22", "385"),
    Region("Тюменская область", 625, 627, "72", "345"),
    Region("Челябинская область", 454, 457, "74", "351"),
    Region("Пермский край", 614, 619, "59", "342"),
    Region("Республика Башкортостан", 450, 453, "02", "347"),
    Region("Нижегородская область", 603, 607, "52", "831"),
    Region("Воронежская область", 394, 397, "36", "473"),
    Region("Вологодская область", 160, 162, "35", "817"),
)

# District adjectives (masculine), combined with prefixes to give many distinct districts.
DISTRICT_ADJECTIVES = (
    "Берёзовский", "Сосновский", "Каменский", "Озёрский", "Ключевской", "Боровский", "Луговской", "Рыбинский",
    "Ивановский", "Михайловский", "Никольский", "Покровский", "Троицкий", "Успенский", "Александровский",
    "Вознесенский", "Краснинский", "Муртинский", "Тасеевский", "Ачинский", "Шарыповский", "Ермаковский",
    "Казачинский", "Идринский", "Абанский", "Ирбейский", "Манский", "Пировский", "Сухобузимский", "Тюхтетский",
    "Балахтинский", "Бирилюсский", "Дзержинский", "Емельяновский", "Курагинский", "Мотыгинский", "Партизанский",
    "Саянский", "Уярский", "Шушенский",
)  # fmt: skip
DISTRICT_PREFIXES = ("", "Больше", "Мало", "Ново", "Старо", "Верхне", "Нижне")

VILLAGES = (
    "Берёзовка", "Сосновка", "Каменка", "Александровка", "Михайловка", "Николаевка", "Ивановка", "Покровка",
    "Троицкое", "Никольское", "Вознесенка", "Красный Яр", "Новосёловка", "Ключи", "Озёрное", "Луговое",
    "Раздольное", "Подгорное", "Заречное", "Первомайское", "Октябрьское", "Степное", "Боровое", "Малиновка",
    "Рыбное", "Орловка", "Еловка", "Талажанка", "Кедровое", "Юрьевка", "Павловка", "Петропавловка", "Ракитное",
    "Крутояр", "Шила", "Бороденка", "Ильинка", "Садовое", "Лесное", "Большая Речка",
)  # fmt: skip
VILLAGE_TYPES = ("с.", "с.", "с.", "д.", "п.")

STREETS = (
    "Ленина", "Советская", "Школьная", "Мира", "Молодёжная", "Центральная", "Садовая", "Лесная", "Набережная",
    "Октябрьская", "Гагарина", "Кирова", "Пушкина", "Комсомольская", "Новая", "Заречная", "Полевая", "Зелёная",
    "Первомайская", "Строителей", "Пионерская", "Победы", "Юбилейная", "Рабочая",
)  # fmt: skip


def _adjective_form(adjective: str, ending: str) -> str:
    """Replace the masculine ending -ий/-ой/-ый with ``ending`` ("ого" for the genitive, "ая" for the feminine)."""
    return adjective[:-2] + ending


def district_adjectives(rng: random.Random, count: int) -> list[str]:
    """``count`` district adjectives (Берёзовский, Новоабанский…), distinct while the combinations last.

    Plain names come first, so small data sets look like real districts; past all combinations names repeat,
    as they do in Russia (a «Берёзовский район» exists in several regions).
    """
    plain = list(DISTRICT_ADJECTIVES)
    prefixed = [prefix + adjective.lower() for prefix in DISTRICT_PREFIXES if prefix for adjective in plain]
    rng.shuffle(plain)
    rng.shuffle(prefixed)
    combos = plain + prefixed
    return [combos[i % len(combos)] for i in range(count)]


@dataclass(frozen=True)
class District:
    """A municipal district (район) or municipal okrug (муниципальный округ): region, name, administrative centre."""

    region: Region
    adjective: str  # «Берёзовский»
    centre: str  # «пгт. Берёзовка»
    postcode_prefix: str  # four digits shared by the district's postcodes
    phone_code: str  # the district's five-digit area code, «39198»
    okrug: bool = False

    @property
    def name(self) -> str:
        """«Берёзовский район» or «Берёзовский муниципальный округ»."""
        return f"{self.adjective} {'муниципальный округ' if self.okrug else 'район'}"

    @property
    def genitive(self) -> str:
        """«Берёзовского района», as in «Управление образования администрации Берёзовского района»."""
        return f"{_adjective_form(self.adjective, 'ого')} {'муниципального округа' if self.okrug else 'района'}"

    @property
    def short_genitive(self) -> str:
        """«Берёзовского района» or «Берёзовского МО», as in short names."""
        return f"{_adjective_form(self.adjective, 'ого')} {'МО' if self.okrug else 'района'}"

    @property
    def feminine(self) -> str:
        """«Берёзовская», as in «Берёзовская СОШ №1»."""
        return _adjective_form(self.adjective, "ая")


def district(rng: random.Random, adjective: str) -> District:
    """A district in a random region, centred in a settlement of its own; about a quarter are municipal okrugs."""
    region = rng.choice(REGIONS)
    return District(
        region=region,
        adjective=adjective,
        centre=f"{rng.choice(('пгт.', 'пгт.', 'с.'))} {rng.choice(VILLAGES)}",
        postcode_prefix=f"{rng.randint(region.postcode_from, region.postcode_to)}{rng.randint(0, 9)}",
        phone_code=f"{region.phone_code}{rng.randint(10, 99)}",
        okrug=rng.random() < 0.25,
    )


def village(rng: random.Random) -> str:
    """«с. Талажанка» and the like."""
    return f"{rng.choice(VILLAGE_TYPES)} {rng.choice(VILLAGES)}"


def address(rng: random.Random, place: District, settlement: str | None = None) -> str:
    """«663060, Красноярский край, Берёзовский район, с. Талажанка, ул. Школьная, 1»; default: the district centre."""
    postcode = f"{place.postcode_prefix}{rng.randint(0, 99):02d}"
    street = f"ул. {rng.choice(STREETS)}, {rng.randint(1, 60)}"
    return f"{postcode}, {place.region.name}, {place.name}, {settlement or place.centre}, {street}"


def phone(rng: random.Random, place: District) -> str:
    """A landline number in the district: «+7 (39198) 3-10-40»."""
    return f"+7 ({place.phone_code}) {rng.randint(2, 7)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d}"


# --- Education bodies and schools -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EducationBody:
    """A municipal education department's full and short names and the position of its head."""

    name: str
    short_name: str
    head_position: str


_BODIES = (
    ("Управление образования администрации {full}", "УО {short}", "Руководитель управления образования"),
    ("Отдел образования администрации {full}", "Отдел образования {short}", "Начальник отдела образования"),
    (
        "Комитет по образованию администрации {full}",
        "Комитет по образованию {short}",
        "Председатель комитета по образованию",
    ),
)


def education_body(rng: random.Random, place: District) -> EducationBody:
    """«Управление образования администрации Берёзовского района» / «УО Берёзовского района»."""
    name, short_name, head_position = rng.choice(_BODIES)
    return EducationBody(name.format(full=place.genitive), short_name.format(short=place.short_genitive), head_position)


# (full legal form, abbreviation, weight)
SCHOOL_LEGAL_FORMS = (
    ("Муниципальное бюджетное общеобразовательное учреждение", "МБОУ", 70),
    ("Муниципальное автономное общеобразовательное учреждение", "МАОУ", 20),
    ("Муниципальное казённое общеобразовательное учреждение", "МКОУ", 10),
)
# (full name, short name, weight); {n} is the school's number.
SCHOOL_TYPES = (
    ("Средняя общеобразовательная школа №{n}", "СОШ №{n}", 55),
    ("Основная общеобразовательная школа №{n}", "ООШ №{n}", 10),
    ("Средняя школа №{n}", "СШ №{n}", 10),
    ("Средняя общеобразовательная школа №{n} с углублённым изучением отдельных предметов", "СОШ №{n} с УИОП", 7),
    ("Лицей №{n}", "Лицей №{n}", 8),
    ("Гимназия №{n}", "Гимназия №{n}", 10),
)


@dataclass(frozen=True)
class SchoolName:
    """The full name (legal form spelled out) and the short name (legal form abbreviated) of a school."""

    name: str  # «Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа №12»»
    short_name: str  # «МБОУ «СОШ №12»»


def school_name(rng: random.Random, number: int, place_adjective: str | None = None) -> SchoolName:
    """A numbered school's names; with ``place_adjective`` («Берёзовская») some are named after their place."""
    legal_form, legal_abbr = _weighted(rng, SCHOOL_LEGAL_FORMS)
    if place_adjective and rng.random() < 0.25:
        full, short = (
            f"{place_adjective} средняя общеобразовательная школа №{number}",
            f"{place_adjective} СОШ №{number}",
        )
    else:
        full, short = (pattern.format(n=number) for pattern in _weighted(rng, SCHOOL_TYPES))
    return SchoolName(f"{legal_form} «{full}»", f"{legal_abbr} «{short}»")


def _weighted(rng: random.Random, rows):
    """Pick one row of ``(…, weight)`` tuples by its weight; return the row without the weight."""
    row = rng.choices(rows, weights=[row[-1] for row in rows])[0]
    return row[:-1]


# --- INN and OGRN -----------------------------------------------------------------------------------------------

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)


def inn_check_digit(first_nine: str) -> str:
    """The check digit of a legal entity's 10-digit INN."""
    return str(sum(int(d) * w for d, w in zip(first_nine, _INN10_WEIGHTS, strict=True)) % 11 % 10)


def ogrn_check_digit(first_twelve: str) -> str:
    """The check digit of a 13-digit OGRN: the first twelve digits as a number, mod 11, mod 10."""
    return str(int(first_twelve) % 11 % 10)


def is_valid_inn(value: str) -> bool:
    """Whether ``value`` is a legal entity's INN (10 digits) with the right check digit."""
    return len(value) == 10 and value.isdigit() and inn_check_digit(value[:9]) == value[9]


def is_valid_ogrn(value: str) -> bool:
    """Whether ``value`` is an OGRN (13 digits, starting with 1 or 5) with the right check digit."""
    return len(value) == 13 and value.isdigit() and value[0] in "15" and ogrn_check_digit(value[:12]) == value[12]


def inn(rng: random.Random, region: Region) -> str:
    """A legal entity's INN: region code, tax office, serial number, check digit."""
    first_nine = f"{region.tax_code}{rng.randint(1, 99):02d}{rng.randint(0, 99999):05d}"
    return first_nine + inn_check_digit(first_nine)


def ogrn(rng: random.Random, region: Region) -> str:
    """A legal entity's OGRN: sign 1, year (mostly 2002, when schools were re-registered), region, office, number."""
    year = rng.choice(("02", "02", "02", "03", "11", "12", "15"))
    first_twelve = f"1{year}{region.tax_code}{rng.randint(1, 99):02d}{rng.randint(0, 99999):05d}"
    return first_twelve + ogrn_check_digit(first_twelve)


def draw_unique(draw: Callable[[], T], seen: set[T]) -> T:
    """Call ``draw`` until it gives a value not in ``seen``; remember and return it."""
    while (value := draw()) in seen:
        pass
    seen.add(value)
    return value


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
class RequestTag:
    """A request of mentees that is also a competence of mentors; ``audience`` is "pupil", "teacher" or "both"."""

    name: str
    audience: str


# The school list of requests / competencies (one list per school, editable there).
REQUEST_TAGS = (
    RequestTag("Адаптация в коллективе", "both"),
    RequestTag("Подготовка к ОГЭ по математике", "pupil"),
    RequestTag("Подготовка к ЕГЭ по русскому языку", "pupil"),
    RequestTag("Профориентация", "pupil"),
    RequestTag("Проектная деятельность", "both"),
    RequestTag("Цифровая грамотность", "both"),
    RequestTag("Олимпиадная подготовка", "pupil"),
    RequestTag("Волонтёрство", "pupil"),
    RequestTag("Развитие лидерских качеств", "pupil"),
    RequestTag("Методика преподавания", "teacher"),
    RequestTag("Классное руководство", "teacher"),
    RequestTag("Работа с родителями", "teacher"),
)
PUPIL_TAGS = tuple(tag.name for tag in REQUEST_TAGS if tag.audience in ("pupil", "both"))
TEACHER_TAGS = tuple(tag.name for tag in REQUEST_TAGS if tag.audience in ("teacher", "both"))

# What a mentee writes in their own words, by request.
REQUEST_TEXTS = {
    "Адаптация в коллективе": ("Недавно перешёл в эту школу, хочу найти друзей", "Трудно освоиться в новом классе"),
    "Подготовка к ОГЭ по математике": ("Боюсь не сдать ОГЭ по математике", "Хочу получить «5» на ОГЭ"),
    "Подготовка к ЕГЭ по русскому языку": ("Нужна помощь с сочинением ЕГЭ", "Хочу набрать 80+ баллов"),
    "Профориентация": ("Не знаю, куда поступать после 9 класса", "Хочу попробовать себя в инженерной профессии"),
    "Проектная деятельность": ("Нужен руководитель индивидуального проекта", "Хочу довести проект до конкурса"),
    "Цифровая грамотность": ("Хочу научиться программировать", "Как безопасно вести себя в сети"),
    "Олимпиадная подготовка": ("Хочу пройти на региональный этап олимпиады",),
    "Волонтёрство": ("Хочу участвовать в добровольческих акциях",),
    "Развитие лидерских качеств": ("Хочу войти в школьный совет обучающихся", "Стесняюсь выступать перед классом"),
    "Методика преподавания": ("Трудно удерживать дисциплину на уроке", "Нужна помощь с рабочими программами"),
    "Классное руководство": ("Впервые взял классное руководство",),
    "Работа с родителями": ("Как проводить родительские собрания",),
}


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
    relation = _weighted(rng, REPRESENTATIVE_RELATIONS)[0]
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


@dataclass(frozen=True)
class PartnerName:
    """A partner organisation's name and kind (``PartnerOrganization.Kind`` values)."""

    name: str
    kind: str


# {m} masculine, {f} feminine, {n} neuter adjective of the district (Берёзовский / Берёзовская / Берёзовское).
_EMPLOYERS = (
    "АО «{m} леспромхоз»",
    "ООО «{f} птицефабрика»",
    "АО «{n} ДРСУ»",
    "ГБУЗ «{f} районная больница»",
    "МУП «{m} водоканал»",
    "ООО «{f} строительная компания»",
    "СПК «{m}»",
    "ООО «{m} хлебозавод»",
)
_COLLEGES = (
    "ГБПОУ «{m} аграрный техникум»",
    "ГБПОУ «{m} многопрофильный техникум»",
    "ГБПОУ «{m} педагогический колледж»",
    "ГБПОУ «{m} медицинский техникум»",
)
PARTNER_POSITIONS = {
    "employer": (
        "Инженер-технолог", "Мастер участка", "Главный агроном", "Механик", "Экономист", "Фельдшер",
        "Специалист по охране труда", "Начальник смены",
    ),
    "college": ("Преподаватель", "Мастер производственного обучения", "Заведующий отделением"),
}  # fmt: skip
PARENT_JOBS = (
    "Фельдшер ФАП", "Индивидуальный предприниматель", "Инженер-энергетик", "Бухгалтер", "Тренер-преподаватель",
    "Водитель", "Сотрудник МЧС", "Программист", "Ветеринарный врач", "Библиотекарь",
)  # fmt: skip
MENTOR_STRENGTHS = {
    "teacher": (
        "Победитель муниципального конкурса «Учитель года»",
        "Руководитель школьного методического объединения",
        "Готовит призёров регионального этапа ВсОШ",
        "Эксперт ОГЭ",
        "Руководитель школьного театра",
        "Опыт работы с детьми с ОВЗ",
    ),
    "pupil": ("Призёр муниципального этапа ВсОШ", "Председатель совета обучающихся", "Волонтёр «Движения первых»"),
    "student": ("Победитель конкурса профессионального мастерства", "Староста группы"),
    "employee": ("Наставник молодых рабочих на предприятии", "Ведёт экскурсии на производство"),
    "parent": ("Ведёт кружок в школе", "Член родительского комитета"),
    "graduate": ("Выпускник-медалист", "Участник проектной смены «Сириуса»"),
}


def partner(rng: random.Random, place_adjective: str, kind: str) -> PartnerName:
    """An employer («АО «Берёзовский леспромхоз»») or a college of the district; ``kind`` is "employer" or
    "college"."""
    forms = {
        "m": place_adjective,
        "f": _adjective_form(place_adjective, "ая"),
        "n": _adjective_form(place_adjective, "ое"),
    }
    pattern = rng.choice(_EMPLOYERS if kind == "employer" else _COLLEGES)
    return PartnerName(pattern.format(**forms), kind)


def agreement_number(rng: random.Random, day: date) -> str:
    """«17-С/2025»: the registration number of a cooperation agreement."""
    return f"{rng.randint(1, 60)}-С/{day.year}"
