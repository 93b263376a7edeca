"""Russian grammar for documents and pages: people's names, titles and positions in the six cases, agreement with
gender and with numbers. Cases are pymorphy tags: "nomn", "gent", "datv", "accs", "ablt", "loct".

Names decline with pytrovich (the petrovich rules), titles and words with pymorphy3; a form a school corrected
(``name_forms`` on a person, a user, a school or a municipality) wins over the library's.
"""

from .agreement import agree, by_gender, with_number
from .morph import CASES
from .names import gender_of, guess_gender, initials_of, name_of, person_name, written_name
from .organizations import municipality_name, name_forms_key, organization_name
from .phrases import phrase, position_in

__all__ = [
    "CASES",
    "agree",
    "by_gender",
    "gender_of",
    "guess_gender",
    "initials_of",
    "municipality_name",
    "name_forms_key",
    "name_of",
    "organization_name",
    "person_name",
    "phrase",
    "position_in",
    "with_number",
    "written_name",
]
