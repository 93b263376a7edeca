"""Cells a spreadsheet would run as a formula (CSV/formula injection): one definition for every file we write.

A value that begins with =, +, -, @, a tab or a carriage return is written as text: in .xlsx as a string cell
with the quote prefix style (``xlsx_text_cell``), in .csv behind a single quote (``csv_text``); an import reads
«'=…» back as «=…» (``unquote``).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def mark_as_text(cell) -> None:
    """An openpyxl cell holding such a value stays a string shown as typed."""
    cell.data_type = "s"  # openpyxl would store «=…» as a formula
    cell.quotePrefix = True


def csv_text(value: str) -> str:
    return QUOTE + value if looks_like_formula(value) else value


def unquote(value: str) -> str:
    """Undo ``csv_text`` on a value read back from a CSV file."""
    if value.startswith(QUOTE) and looks_like_formula(value[1:]):
        return value[1:]
    return value
