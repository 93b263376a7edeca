"""What identifies a person in the portal's texts: their surname and their first name with patronymic in every case
(as ``core.inflection`` writes them, corrections included), the same for the legal representative and whoever gave
a consent, and their phones and e-mails. ``scrub`` removes them from a text, a list or a dict.

A first name alone is left: on its own it identifies nobody, and other people of the school share it.
"""

import re
from dataclasses import dataclass

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from core.inflection import CASES, name_of, written_name
from mentoring.services.people import ERASED

REMOVED = "(удалено)"


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"\s+", text.strip()) if word]


@dataclass(frozen=True)
class Traces:
    needles: tuple[str, ...]  # plain strings a text holding the person contains (for the database's search)
    pattern: re.Pattern

    @classmethod
    def of(cls, person) -> "Traces":
        names = [[name_of(person, case) for case in CASES]]
        others = [getattr(person, "representative_name", "")]
        others += [consent.given_by_name for consent in person.consents.all()]
        names += [[written_name(other, case) for case in CASES] for other in others if other.strip()]
        surnames, given = set(), set()
        for forms in names:
            for form in forms:
                words = [word for word in _words(form) if "." not in word]  # initials identify nobody
                if words:
                    surnames.add(words[0])
                if len(words) >= 3:
                    given.add(" ".join(words[1:3]))
        contacts = {
            value.strip()
            for value in (
                person.phone,
                person.email,
                getattr(person, "representative_phone", ""),
                getattr(person, "representative_email", ""),
            )
            if value and value.strip()
        }
        surnames = {word for word in surnames if len(word) > 1 and word != ERASED}  # «Удалено»: erased already
        given = {words for words in given if ERASED not in words}
        needles = tuple(sorted(surnames | given | contacts, key=len, reverse=True))
        alternatives = [re.escape(needle) for needle in needles]
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives else re.compile(r"$^")
        return cls(needles=needles, pattern=pattern)

    def found_in(self, value) -> bool:
        if isinstance(value, str):
            return bool(self.pattern.search(value))
        if isinstance(value, dict):
            return any(self.found_in(item) for item in value.values())
        if isinstance(value, list | tuple):
            return any(self.found_in(item) for item in value)
        return False

    def scrub(self, value, *, whole: bool = False):
        """The value with every trace replaced by «(удалено)»; ``whole``: a string holding one is replaced whole."""
        if isinstance(value, str):
            if whole:
                return REMOVED if self.found_in(value) else value
            return self.pattern.sub(REMOVED, value)
        if isinstance(value, dict):
            return {key: self.scrub(item, whole=whole) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.scrub(item, whole=whole) for item in value]
        return value

    def rows_holding(self, queryset, fields):
        """The rows of ``queryset`` whose ``fields`` (text or JSON) may hold a trace: the database narrows, the
        pattern decides."""
        if not self.needles:
            return []
        casts = {f"_text_{field}": Cast(field, TextField()) for field in fields}
        condition = Q()
        for field in fields:
            for needle in self.needles:
                condition |= Q(**{f"_text_{field}__contains": needle})
        return [row for row in queryset.annotate(**casts).filter(condition) if self._row_holds(row, fields)]

    def _row_holds(self, row, fields) -> bool:
        return any(self.found_in(getattr(row, field)) for field in fields)

    def scrub_rows(self, queryset, fields, *, whole: bool = False) -> int:
        """Scrub ``fields`` in every row of ``queryset`` holding a trace (with an UPDATE: no save() side effects);
        returns how many rows changed."""
        changed = 0
        for row in self.rows_holding(queryset, fields):
            values = {field: self.scrub(getattr(row, field), whole=whole) for field in fields}
            for field, value in values.items():
                max_length = queryset.model._meta.get_field(field).max_length
                if isinstance(value, str) and max_length:
                    values[field] = value[:max_length]
            queryset.model._default_manager.filter(pk=row.pk).update(**values)
            changed += 1
        return changed
