"""The spreadsheet columns of the bases (django-import-export resources): Russian headers, and widgets that
read what schools type (Russian dates, choice labels, tags separated by ";") and write it back the same way.

One resource per base serves the import, the export and the downloadable template; ``registry.RESOURCES``
finds it by the base's name. The import is validated row by row here; writing is done in bulk by
``mentoring.services.imports``.
"""
