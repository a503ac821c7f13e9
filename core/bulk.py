"""Many rows in one statement: the insert that bulk write paths share.

`bulk_create` builds a model instance per row and, on SQLite, one statement per 999 parameters;
imports and sync batches write thousands of rows of a few repeated values, so they prepare each
distinct value once and send multi-row statements (COPY on PostgreSQL).
"""

import datetime

from django.db import connection
from django.db.models import Field, Lookup


def _converter(field):
    """How a value of this field becomes a database parameter (None: as it is)."""
    kind = field.get_internal_type()
    if kind == "UUIDField" and not connection.features.has_native_uuid_field:
        return lambda value: value.hex
    if kind == "JSONField":
        return _memoised(lambda value: connection.ops.adapt_json_value(value, field.encoder))
    if kind == "DateTimeField":  # a batch shares a few timestamps: each prepared once
        return _memoised(lambda value: field.get_db_prep_save(value, connection))
    return None


def _memoised(convert):
    """Convert each distinct value once: a batch repeats a few values thousands of times."""
    done: dict = {}

    def converted(value):
        key = value if isinstance(value, datetime.datetime) else repr(value)
        if key not in done:
            done[key] = convert(value)
        return done[key]

    return converted


def rows_insert(model, field_names: list[str], rows: list[tuple], batch_size: int = 2000) -> None:
    """INSERT rows in multi-row statements (COPY on PostgreSQL), preparing only what needs it.

    A unique constraint broken by a row raises Django's IntegrityError on every backend, so a
    caller can retry inside a savepoint.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    convert = {i: c for i, f in enumerate(fields) if (c := _converter(f))}
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    cell = "(" + ", ".join(["%s"] * len(fields)) + ")"
    step = min(batch_size, max(1, 30000 // len(fields)))  # SQLite allows 32,766 parameters

    def prepared(row):
        row = list(row)
        for i, converter in convert.items():
            if row[i] is not None:
                row[i] = converter(row[i])
        return row

    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows; a VALUES list of 30,000 placeholders costs psycopg seconds
            # just to parse the statement. The raw cursor's errors are wrapped as Django's.
            copying = cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN")
            with connection.wrap_database_errors, copying as copy:
                for row in rows:
                    copy.write_row(prepared(row))
            return
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            values = []
            for row in chunk:
                values.extend(prepared(row))
            # Only the model's own table and column names are formatted in; values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
            cursor.execute(sql + ", ".join([cell] * len(chunk)), values)


@Field.register_lookup
class AnyOf(Lookup):
    """`field__any=[...]`: many values as one array parameter on PostgreSQL (`= ANY(%s)`).

    A batch looks up thousands of client UUIDs at once; psycopg binds an IN list of 5,000
    parameters several times slower than one array. Other databases get the IN list.
    """

    lookup_name = "any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        field = self.lhs.output_field
        values = [field.get_db_prep_value(value, connection) for value in self.rhs]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        if not values:
            return "1 = 0", list(lhs_params)
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]


def column_update(model, field_name: str, values: dict) -> int:
    """Set one column of many rows, each its own value (`{pk: value}`), in one statement.

    `bulk_update` builds a CASE WHEN expression per row through the ORM, which cost a bulk issue
    more than recording its chunk; this is one `UPDATE ... FROM (VALUES ...)` (PostgreSQL, and
    SQLite since 3.33). Returns the rows updated.
    """
    if not values:
        return 0
    field = model._meta.get_field(field_name)
    quote = connection.ops.quote_name
    table, column = quote(model._meta.db_table), quote(field.column)
    key = quote(model._meta.pk.column)
    parameters = []
    for pk, value in values.items():
        parameters += [pk, field.get_db_prep_save(value, connection)]
    rows = ", ".join(["(%s, %s)"] * len(values))
    # Only the model's own table and column names are formatted in; values are parameters.
    sql = (
        f"UPDATE {table} SET {column} = v.column2 FROM (VALUES {rows}) AS v "  # noqa: S608
        f"WHERE {table}.{key} = v.column1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        return cursor.rowcount
