"""Reading an uploaded spreadsheet (.xlsx or .csv) safely, into a header row and data rows.

Everything a user can get wrong with the file itself ends here as ``UploadError`` with a Russian message:
the wrong type or a renamed file (the content is checked, not only the extension), a file too large, a zip
bomb, an empty file, an unreadable encoding, too many rows, data without a header.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from core.rendering.formulas import unquote

FORMATS = ("xlsx", "csv")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls (and .doc)
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
MAX_ZIP_MEMBERS = 1000
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not in text, nearly always in binary files
# What openpyxl raises on a damaged workbook (parts missing, broken XML, wrong values), while opening or reading.
BROKEN_XLSX = (InvalidFileException, zipfile.BadZipFile, KeyError, IndexError, ValueError, TypeError, SyntaxError)


class UploadError(Exception):
    """The file cannot be imported; the message says why, in Russian."""

    @property
    def message(self):
        return self.args[0]


def too_large() -> str:
    return f"Файл больше {settings.IMPORT_MAX_BYTES / 1024 / 1024:g} МБ: разделите его на части."


def check_upload(name: str, data: bytes) -> str:
    """The format ("xlsx" or "csv") of an uploaded file, checked by its content; raises ``UploadError``."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not data:
        raise UploadError("Файл пустой.")
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise UploadError(too_large())
    if data.startswith(OLE_MAGIC) or extension == "xls":
        raise UploadError("Старый формат .xls не поддерживается: сохраните файл как «Книга Excel» (.xlsx).")
    if extension not in FORMATS:
        raise UploadError("Загрузите файл .xlsx или .csv.")
    if extension == "xlsx":
        check_xlsx(data)
    else:
        if data.startswith(ZIP_MAGIC):
            raise UploadError("Файл назван .csv, но внутри не текст CSV (похоже на .xlsx): загрузите его как .xlsx.")
        decode_csv(data)
    return extension


def check_xlsx(data: bytes) -> None:
    """An .xlsx is a zip with the workbook's parts; its directory is checked before anything is unpacked.

    The sizes come from the zip directory; Python's zipfile never inflates a member beyond its declared size,
    so a forged directory cannot get past the limits either.
    """
    if not data.startswith(ZIP_MAGIC):
        raise UploadError("Файл назван .xlsx, но это не книга Excel: сохраните таблицу в формате .xlsx.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise UploadError("Файл .xlsx повреждён: откройте его в Excel и сохраните заново.") from None
    names = {member.filename for member in members}
    if not all(part in names for part in XLSX_PARTS):
        raise UploadError("Файл назван .xlsx, но это не книга Excel: сохраните таблицу в формате .xlsx.")
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if (
        len(members) > MAX_ZIP_MEMBERS
        or unpacked > settings.IMPORT_MAX_UNPACKED_BYTES
        or unpacked / packed > settings.IMPORT_MAX_COMPRESSION_RATIO
    ):
        raise UploadError("Файл .xlsx распаковывается в слишком большой объём: такой файл не принимается.")


def decode_csv(data: bytes) -> str:
    """CSV text in UTF-8 (with or without BOM) or Windows-1251, as Excel saves it; binary content is refused."""
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if CONTROL_CHARACTERS.search(text):
            raise UploadError("Файл назван .csv, но это не текст: сохраните таблицу как «CSV (разделители — запятые)».")
        return text
    raise UploadError("Не удалось прочитать CSV: сохраните его в кодировке UTF-8 или Windows-1251.")


@dataclass
class Table:
    """A sheet as read: the header row, the non-empty data rows and each row's line in the file."""

    headers: list[str]
    rows: list[list] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def read_table(fmt: str, data: bytes) -> Table:
    """The first sheet of an .xlsx or the rows of a .csv; checks the file again first (a task trusts nothing)."""
    check_upload(f"file.{fmt}", data)
    if fmt == "csv":
        return table_from_rows(read_csv_rows(data))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return table_from_rows(workbook.worksheets[0].iter_rows(values_only=True))
        finally:
            workbook.close()
    except BROKEN_XLSX:
        raise UploadError("Файл .xlsx повреждён: откройте его в Excel и сохраните заново.") from None


def read_csv_rows(data: bytes):
    text = decode_csv(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        yield [unquote(value) for value in row]  # undo the export's protection against formulas


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def table_from_rows(rows) -> Table:
    rows = iter(rows)
    header = next(rows, None)
    if header is None or all(is_blank(value) for value in header):
        raise UploadError("В первой строке файла нет заголовков столбцов: скачайте шаблон и заполните его.")
    header = list(header)
    while header and is_blank(header[-1]):
        header.pop()
    width = len(header)
    table = Table(headers=["" if is_blank(value) else " ".join(str(value).split()) for value in header])
    limit = settings.IMPORT_MAX_ROWS
    for line, row in enumerate(rows, start=2):
        row = list(row)
        if all(is_blank(value) for value in row):
            continue
        extra = next((index for index in range(width, len(row)) if not is_blank(row[index])), None)
        if extra is not None:
            letter = get_column_letter(extra + 1)
            raise UploadError(f"В столбце {letter} есть данные, но нет заголовка (строка {line}).")
        if len(table.rows) >= limit:
            raise UploadError(f"В файле больше {limit} строк с данными: разделите его на части.")
        table.rows.append(row[:width] + [None] * (width - len(row)))
        table.lines.append(line)
    for index, name in enumerate(table.headers):
        if not name and any(not is_blank(row[index]) for row in table.rows):
            raise UploadError(f"В столбце {get_column_letter(index + 1)} есть данные, но нет заголовка.")
    if not table.rows:
        raise UploadError("В файле нет ни одной строки с данными.")
    return table
