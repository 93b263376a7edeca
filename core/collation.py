"""Russian alphabetical order for people's names on every database the portal runs on.

PostgreSQL orders with the ICU collation ``russian`` (created by ``core`` migration 0004): Ё sorts with Е, case
and the diaeresis only break ties, so «Ёлкина» comes after «Елисеева» and before «Жукова», not before «Абрамова»
as the bytes order puts it. SQLite, the demo database, gets a collation of the same name with the same order
(``register_sqlite_collation``, on every new connection); Python code sorting names uses ``russian_key``.
"""

from django.db.models import F
from django.db.models.functions import Collate

RUSSIAN = "russian"
ICU_LOCALE = "ru-RU"


def russian_key(text: str) -> tuple[str, str, str]:
    """ICU's levels for Russian: letters (Ё as Е, case ignored), then Ё after Е, then lower case before upper."""
    folded = text.casefold()
    return folded.replace("ё", "е"), folded, text.swapcase()


def russian(field: str) -> Collate:
    """A field of text, ordered the Russian way: ``order_by(russian("last_name"))``."""
    return Collate(F(field), RUSSIAN)


def name_order(prefix: str = "") -> tuple:
    """The order of people by surname, first name, patronymic (then id, for a stable page), the Russian way;
    ``prefix`` reaches a related person: ``name_order("mentor__")``."""
    return (
        russian(f"{prefix}last_name"),
        russian(f"{prefix}first_name"),
        russian(f"{prefix}patronymic"),
        f"{prefix}pk",
    )


def _compare(left: str, right: str) -> int:
    left_key, right_key = russian_key(left), russian_key(right)
    return (left_key > right_key) - (left_key < right_key)


def register_sqlite_collation(sender, connection, **kwargs):
    """``connection_created`` receiver: SQLite learns the ``russian`` collation PostgreSQL has from ICU."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(RUSSIAN, _compare)
