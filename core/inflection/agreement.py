"""Agreement of words with a person's gender and of nouns with numbers (pymorphy3)."""

from functools import lru_cache

from .morph import analyzer, same_spelling

# Grammemes that mark a rare or stylistically marked form; the form after a numeral is never one of them.
MARKED_FORMS = {"Infr", "Arch", "Abbr", "Slng", "Erro", "Dist"}


def by_gender(gender: str, masculine: str, feminine: str) -> str:
    """``feminine`` for a woman ("f"), ``masculine`` otherwise (a man or an unknown gender)."""
    return feminine if gender == "f" else masculine


@lru_cache(maxsize=1024)
def agree(word: str, gender: str) -> str:
    """A short participle, short adjective or past-tense verb given in the masculine, agreed with ``gender``:
    agree("представлен", "f") → «представлена», agree("прошёл", "f") → «прошла»."""
    if gender != "f":
        return word
    parse = next((p for p in analyzer().parse(word.lower()) if p.tag.gender == "masc" and p.tag.number == "sing"), None)
    inflected = parse.inflect({"femn"}) if parse else None
    return same_spelling(inflected.word, word) if inflected else word


def _counting_form(parse, number: int):
    """The noun form after ``number``. pymorphy picks the first genitive plural, but a few nouns list a second one
    that is the counting form (людей / человек, годов / лет) or tag it «Coun» (граммов / грамм): that one is used."""
    agreed = parse.make_agree_with_number(number)
    if agreed is None or agreed.tag.number != "plur" or agreed.tag.case != "gent":
        return agreed
    candidates = [
        form
        for form in parse.lexeme
        if form.tag.number == "plur" and form.tag.case == "gent" and not (set(form.tag.grammemes) & MARKED_FORMS)
    ]
    counted = [form for form in candidates if "Coun" in form.tag.grammemes]
    if counted:
        return counted[0]
    return candidates[-1] if candidates else agreed


def _counted_adjective(parse, number: int):
    """An adjective used as a noun after ``number``: «1 наставляемый», «2 наставляемых», «5 наставляемых»."""
    if number % 10 == 1 and number % 100 != 11:
        return parse
    return parse.inflect({"plur", "gent"})


@lru_cache(maxsize=1024)
def with_number(n: int, noun: str) -> str:
    """«1 пара», «3 пары», «8 пар», «21 организация», «5 человек»: the noun (in the nominative) agreed with ``n``.
    An adjective used as a noun («наставляемый») counts too."""
    parses = [p for p in analyzer().parse(noun.lower()) if p.tag.case == "nomn"]
    number = abs(int(n))
    noun_parse = next((p for p in parses if p.tag.POS == "NOUN"), None)
    adjective_parse = next((p for p in parses if p.tag.POS in ("ADJF", "PRTF")), None)
    if noun_parse is not None:
        form = _counting_form(noun_parse, number)
    elif adjective_parse is not None:
        form = _counted_adjective(adjective_parse, number)
    else:
        form = None
    return f"{n} {same_spelling(form.word, noun) if form else noun}"
