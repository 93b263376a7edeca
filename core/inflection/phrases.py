"""Titles and positions in the six cases (pymorphy3): the leading noun phrase declines, the rest stays.

«Муниципальное бюджетное общеобразовательное учреждение «Средняя школа №40»» in the genitive is «Муниципального
бюджетного общеобразовательного учреждения «Средняя школа №40»»: the adjectives agree with the head noun
(«учреждение»), and what follows the head — a name in quotes, a genitive complement («директора по УВР»,
«образования администрации … района»), a number — is kept as written. Abbreviations (МБОУ, СШ) do not decline.
"""

import re
from functools import lru_cache

from .morph import analyzer, check_case, is_abbreviation, same_spelling

ADJECTIVE_POS = ("ADJF", "PRTF")
# A word with its leading and trailing punctuation kept apart: «(учреждение),» → "(", "учреждение", "),".
WORD = re.compile(r"^(?P<lead>[^\w]*)(?P<core>[\w.-]*?)(?P<trail>[^\w]*)$")


def _nominative_parses(word: str) -> list:
    return [parse for parse in analyzer().parse(word.lower()) if parse.tag.case == "nomn"]


def _adjectives(word: str) -> list:
    return [parse for parse in _nominative_parses(word) if parse.tag.POS in ADJECTIVE_POS]


def _agrees(adjective, word_parse) -> bool:
    """Whether an adjective and the next word of the phrase agree in number (and in gender in the singular)."""
    number = word_parse.tag.number or "sing"
    if (adjective.tag.number or "sing") != number:
        return False
    return number == "plur" or adjective.tag.gender == word_parse.tag.gender


def _noun(word: str):
    return next((parse for parse in _nominative_parses(word) if parse.tag.POS == "NOUN"), None)


def _split(word: str) -> tuple[str, str, str]:
    match = WORD.match(word)
    if match is None:
        return "", "", word
    return match["lead"], match["core"], match["trail"]


def _declinable(core: str) -> bool:
    return bool(core) and core[:1].isalpha() and "." not in core and not is_abbreviation(core)


def _noun_phrase(words: list[str]) -> tuple[list, object] | None:
    """The adjectives and the head that open ``words`` (their parses), or ``None`` if no noun phrase does.

    A word read as an adjective continues the phrase when the next word agrees with it («ведущий специалист»);
    otherwise a noun reading makes it the head, and an adjective that nothing continues is the head itself, used as
    a noun («заведующий кабинетом», «исполняющий обязанности директора»).
    """
    adjectives = []
    for index, word in enumerate(words):
        lead, core, trail = _split(word)
        if (index and lead) or not _declinable(core):
            return None
        next_core = _split(words[index + 1])[1] if index + 1 < len(words) and not trail else ""
        following = _noun_or_adjective(next_core) if _declinable(next_core) else []
        agreeing = [
            adjective for adjective in _adjectives(core) if any(_agrees(adjective, parse) for parse in following)
        ]
        if agreeing:
            adjectives.append(agreeing[0])
            continue
        head = _noun(core) or next(iter(_adjectives(core)), None)
        return (adjectives, head) if head is not None else None
    return None


def _noun_or_adjective(word: str) -> list:
    return [parse for parse in _nominative_parses(word) if parse.tag.POS == "NOUN" or parse.tag.POS in ADJECTIVE_POS]


def _agree_adjective(adjective, head, case: str) -> str:
    grammemes = {case, head.tag.number or "sing"}
    if head.tag.number != "plur" and head.tag.gender:
        grammemes.add(head.tag.gender)
    if case == "accs" and head.tag.animacy:
        grammemes.add(head.tag.animacy)
    inflected = adjective.inflect(grammemes) or adjective.inflect({case, head.tag.number or "sing"})
    return inflected.word if inflected else adjective.word


def _head_grammemes(head, case: str) -> set[str]:
    """The grammemes the head takes in ``case``; an adjective used as a noun names a person here («заведующего»)."""
    grammemes = {case}
    if head.tag.POS in ADJECTIVE_POS:
        grammemes.add(head.tag.number or "sing")
        if case == "accs" and (head.tag.number == "plur" or head.tag.gender == "masc"):
            grammemes.add("anim")
    return grammemes


@lru_cache(maxsize=4096)
def phrase(text: str, case: str) -> str:
    """``text`` with its leading noun phrase in ``case``; the text unchanged when it does not open with one."""
    check_case(case)
    if case == "nomn" or not text:
        return text
    pieces = re.split(r"(\s+)", text.strip())
    words = pieces[::2]
    found = _noun_phrase(words)
    if found is None:
        return text.strip()
    adjectives, head = found
    forms = [_agree_adjective(adjective, head, case) for adjective in adjectives]
    inflected_head = head.inflect(_head_grammemes(head, case))
    forms.append(inflected_head.word if inflected_head else head.word)
    for index, form in enumerate(forms):
        lead, core, trail = _split(words[index])
        pieces[index * 2] = lead + same_spelling(form, core) + trail
    return "".join(pieces)


def position_in(text: str, case: str = "nomn") -> str:
    """A position inside a sentence: declined, with a lower-case first letter unless it opens with an
    abbreviation («заместителя директора по УВР», «и.о. директора», «МБОУ «СШ №40»»)."""
    declined = phrase((text or "").strip(), case)
    first_word = declined.split(maxsplit=1)[0] if declined else ""
    if not first_word or is_abbreviation(_split(first_word)[1]):
        return declined
    return declined[:1].lower() + declined[1:]
