"""The shared pymorphy3 analyser and the helpers every inflection module uses.

Building a ``MorphAnalyzer`` loads the OpenCorpora dictionaries (about a third of a second and tens of megabytes),
so one instance is built on first use and shared by the whole process.
"""

from functools import lru_cache

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide morphological analyser (built lazily, once)."""
    return pymorphy3.MorphAnalyzer()


def check_case(case: str) -> str:
    """``case`` itself when it is one of the six case tags the API accepts; ``ValueError`` otherwise."""
    if case not in CASES:
        raise ValueError(f"Unknown grammatical case {case!r}; expected one of {', '.join(CASES)}.")
    return case


def is_abbreviation(word: str) -> bool:
    """An abbreviation written in capitals (МБОУ, СШ, УВР, ОО): it never declines.

    A word with at least two capital letters and no lower-case letter after the first one counts; a capitalised
    ordinary word («Директор») or a dotted short form with one capital («И.о.») does not.
    """
    letters = [char for char in word if char.isalpha()]
    return sum(char.isupper() for char in letters) >= 2 and not any(char.islower() for char in letters[1:])


def same_spelling(form: str, model: str) -> str:
    """``form`` (a dictionary form, lower case) written the way ``model`` is: the same capitalisation
    («Учреждение» → «Учреждения», «ШКОЛА» → «ШКОЛЫ») and «е» for «ё» when the model is written without «ё»
    («казенное» → «казенного», «казённое» → «казённого»)."""
    if "ё" not in model.lower():
        form = form.replace("ё", "е")
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
