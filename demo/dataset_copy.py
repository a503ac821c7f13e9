"""Plain rows into a table fast for generated data: COPY on PostgreSQL, batches elsewhere."""

import datetime
import uuid
from decimal import Decimal

from django.db import connection


def copy_rows(model, columns: list[str], rows, *, ctx, label: str, total: int) -> int:
    """Insert plain tuples fast: COPY on PostgreSQL, executemany elsewhere."""
    table = model._meta.db_table
    done = 0
    every = max(1, total // 5)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.connection.cursor().copy(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
                    done += 1
                    if done % every == 0:
                        ctx.progress(label, done, total)
        else:
            marks = ", ".join(["%s"] * len(columns))
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
            batch = []
            for row in rows:
                batch.append(tuple(_adapt(value) for value in row))
                if len(batch) == 5000:
                    cursor.executemany(insert, batch)
                    done += len(batch)
                    batch = []
            if batch:
                cursor.executemany(insert, batch)
                done += len(batch)
    return done


def _adapt(value):
    """A Python value as SQLite stores it through Django."""
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
