"""Synthetic Russian places for the generated data set: regions, districts, villages, addresses, phones,
education bodies, school names, valid INN and OGRN, partner organisations and their agreements.

Every generator takes a ``random.Random`` instance, so the same seed always gives the same values.
"""

import random
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from demo.people import weighted_row

T = TypeVar("T", bound=Hashable)


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


def region_named(name: str) -> Region | None:
    """One of ``REGIONS`` by its name, or None."""
    return next((region for region in REGIONS if region.name == name), None)


def district(rng: random.Random, adjective: str, region: Region | None = None) -> District:
    """A district in a random region (or in ``region``: the same draws either way, so that one seed gives the
    same districts), centred in a settlement of its own; about a quarter are municipal okrugs."""
    drawn = rng.choice(REGIONS)
    region = region or drawn
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
    legal_form, legal_abbr = weighted_row(rng, SCHOOL_LEGAL_FORMS)
    if place_adjective and rng.random() < 0.25:
        full, short = (
            f"{place_adjective} средняя общеобразовательная школа №{number}",
            f"{place_adjective} СОШ №{number}",
        )
    else:
        full, short = (pattern.format(n=number) for pattern in weighted_row(rng, SCHOOL_TYPES))
    return SchoolName(f"{legal_form} «{full}»", f"{legal_abbr} «{short}»")


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
