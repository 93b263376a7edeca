"""Validators for what people type into the bases."""

import re

from django.core.exceptions import ValidationError

TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def no_markup(value):
    """Refuse HTML tags: texts of the bases are plain text (they also go into documents and exports)."""
    if isinstance(value, str) and TAG.search(value):
        raise ValidationError("Уберите HTML-разметку: здесь допускается только обычный текст.", code="markup")
