"""People's names in the six cases (pytrovich, the Python port of the petrovich rules) and their gender.

``name_of`` and friends duck-type the person: anything with ``last_name``, ``first_name``, ``patronymic`` and,
optionally, ``gender`` ("m", "f" or blank) and ``name_forms`` (the school's corrections, keyed by case tag).
"""

from functools import lru_cache

from pytrovich.detector import PetrovichGenderDetector
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from .morph import check_case

PYTROVICH_CASES = {
    "gent": Case.GENITIVE,
    "datv": Case.DATIVE,
    "accs": Case.ACCUSATIVE,
    "ablt": Case.INSTRUMENTAL,
    "loct": Case.PREPOSITIONAL,
}
PYTROVICH_GENDERS = {"m": Gender.MALE, "f": Gender.FEMALE}
GENDER_CODES = {Gender.MALE: "m", Gender.FEMALE: "f"}

# Turkic patronymics («Гасан оглы», «Гасан-кызы») do not decline in Russian.
TURKIC_PATRONYMIC_ENDINGS = ("оглы", "кызы", "улы", "гызы", "уулу")


@lru_cache(maxsize=1)
def _maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def _detector() -> PetrovichGenderDetector:
    return PetrovichGenderDetector()


@lru_cache(maxsize=4096)
def guess_gender(first: str, patronymic: str = "", last: str = "") -> str:
    """ "m" or "f" guessed from the patronymic first, then the first name, then the surname; "" when none tells."""
    detector = _detector()
    for part, value in (("middlename", patronymic), ("firstname", first), ("lastname", last)):
        value = (value or "").strip()
        if value:
            gender = GENDER_CODES.get(detector.detect(**{part: value}))
            if gender:
                return gender
    return ""


def _decline_part(value: str, part: NamePart, case: str, gender: str) -> str:
    """One part of a name (possibly of several words or hyphenated) in ``case``."""
    if not value or case == "nomn":
        return value
    if part is NamePart.MIDDLENAME and value.lower().replace("-", " ").split()[-1] in TURKIC_PATRONYMIC_ENDINGS:
        return value
    known = gender in PYTROVICH_GENDERS
    pytrovich_gender = PYTROVICH_GENDERS.get(gender, Gender.ANDROGYNOUS)
    return " ".join(
        _maker().make(part, pytrovich_gender, PYTROVICH_CASES[case], word, known_gender=known) for word in value.split()
    )


@lru_cache(maxsize=4096)
def person_name(last: str, first: str, patronymic: str = "", case: str = "nomn", gender: str = "") -> str:
    """«Орлова Марина Сергеевна» in ``case`` («Орловой Марины Сергеевны»); the gender is guessed when blank."""
    check_case(case)
    gender = gender or guess_gender(first, patronymic, last)
    parts = (
        _decline_part((last or "").strip(), NamePart.LASTNAME, case, gender),
        _decline_part((first or "").strip(), NamePart.FIRSTNAME, case, gender),
        _decline_part((patronymic or "").strip(), NamePart.MIDDLENAME, case, gender),
    )
    return " ".join(part for part in parts if part)


def gender_of(person) -> str:
    """The person's stored gender ("m"/"f"), or the guess from their name when none is stored."""
    stored = getattr(person, "gender", "") or ""
    if stored in PYTROVICH_GENDERS:
        return stored
    return guess_gender(person.first_name, getattr(person, "patronymic", "") or "", person.last_name)


def _override(person, case: str) -> str:
    forms = getattr(person, "name_forms", None) or {}
    return (forms.get(case) or "").strip() if isinstance(forms, dict) else ""


def name_of(person, case: str = "nomn") -> str:
    """The person's full name in ``case``: the school's correction in ``person.name_forms`` when there is one."""
    check_case(case)
    return _override(person, case) or person_name(
        person.last_name, person.first_name, getattr(person, "patronymic", "") or "", case, gender_of(person)
    )


def initials_of(person, case: str = "nomn") -> str:
    """«М.С. Орловой»: initials, then the surname in ``case`` (the signature form of ГОСТ Р 7.0.97)."""
    check_case(case)
    last_name = (person.last_name or "").strip()
    override = _override(person, case)
    if override:
        surname = " ".join(override.split()[: len(last_name.split()) or 1])
    else:
        surname = person_name(last_name, "", "", case, gender_of(person))
    given = (person.first_name or "", getattr(person, "patronymic", "") or "")
    initials = "".join(f"{part.strip()[0]}." for part in given if part.strip())
    return f"{initials} {surname}".strip()


def written_name(text: str, case: str = "nomn") -> str:
    """A name typed as one string in ``case``: «Петрова Ольга Ивановна» → «Петровой Ольги Ивановны», and the
    signature forms «Е.В. Смирнова» / «Смирнова Е.В.», whose initials stay and whose surname declines (the gender
    is guessed from the surname)."""
    check_case(case)
    words = (text or "").split()
    if not words or case == "nomn":
        return (text or "").strip()
    if any("." in word for word in words):
        initials = [word for word in words if "." in word]
        surname = " ".join(word for word in words if "." not in word)
        declined = person_name(surname, "", "", case, guess_gender("", "", surname))
        return f"{' '.join(initials)} {declined}" if words[0] in initials else f"{declined} {' '.join(initials)}"
    return person_name(*words[:3], case=case) + ("" if len(words) <= 3 else " " + " ".join(words[3:]))
