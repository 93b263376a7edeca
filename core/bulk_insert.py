"""Writing many new rows at once: PostgreSQL's ``COPY`` (through psycopg) where the portal runs on PostgreSQL,
``bulk_create`` elsewhere. Either way the rows are written inside the caller's transaction, so an import stays
all-or-nothing.

``COPY`` skips what ``bulk_create`` does per row (building and parsing an ``INSERT`` of a thousand rows of
placeholders); the primary keys are taken from the table's sequence first, so the caller gets its instances back
with their ``pk`` set, as from ``bulk_create``.
"""

from django.db import connection

BATCH_SIZE = 1000


def bulk_insert(model, instances: list, *, with_ids: bool = True) -> list:
    """Insert ``instances`` (new, unsaved) and return them; with ``with_ids`` each gets its ``pk``."""
    if not instances:
        return instances
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(instances, batch_size=BATCH_SIZE)
    meta = model._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if with_ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(instances)],
            )
            for instance, (pk,) in zip(instances, cursor.fetchall(), strict=True):
                instance.pk = pk
            fields = [meta.pk, *fields]
        columns = ", ".join(quote(field.column) for field in fields)
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for instance in instances:
                copy.write_row([field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields])
    for instance in instances:
        instance._state.adding = False
        instance._state.db = connection.alias
    return instances
