"""What the documents about one pair, mentee, mentor or nomination share (the kind is chosen when the document is
created; its id is ``document.subject_id``): the mentor–mentee agreement (``agreement``), the consent to
personal-data processing (``personal_data_consent``), the mentor's written consent (``mentor_consent``), the
thank-you letter (``thank_you_letter``) (DOMAIN «Documents»), and the mentor's plan (``mentor_plan``) and journal
(``mentor_journal``) of a pair (seed 000 slide 14).

For a minor mentee the legal representative is the party who signs the agreement and gives the consent
(152-ФЗ; since 2025-09-01 the consent is a document of its own). A teacher mentors with written consent
(Labour Code art. 351.8). Names, positions and the school's name take the case the sentence needs
(``core.inflection``): «даю согласие оператору — Муниципальному бюджетному … учреждению …».
"""

import importlib

# Imported in this order, so that the kinds are offered in it.
for _module in (
    "agreement",
    "personal_data_consent",
    "mentor_consent",
    "thank_you_letter",
    "mentor_plan",
    "mentor_journal",
):
    importlib.import_module(f"{__name__}.{_module}")
