"""What a site holds: row counts per model, migration state, and the files of a storage."""

import hashlib
from collections.abc import Iterator

from django.apps import apps
from django.core.files.storage import Storage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

CHUNK = 1024 * 1024


def counted_models() -> list:
    """Every model with a table of its own, many-to-many tables included (proxies have none)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def row_counts(cursor, tables: set[str]) -> dict[str, int | None]:
    """Rows per model (`app_label.Model`) through a DB-API cursor; None where no table is."""
    counts = {}
    for model in counted_models():
        table = model._meta.db_table
        if table not in tables:
            counts[model._meta.label] = None
            continue
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        counts[model._meta.label] = cursor.fetchone()[0]
    return counts


def live_row_counts() -> dict[str, int | None]:
    """Rows per model in the site's database as it is now."""
    with connection.cursor() as cursor:
        return row_counts(cursor, set(connection.introspection.table_names(cursor)))


def migration_state() -> dict[str, list[str]]:
    """The migrations applied to the database, by app."""
    state: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        state.setdefault(app_label, []).append(name)
    return state


def storage_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in a storage, walked through the Storage API (local or S3 alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


class HashingReader:
    """A file wrapper that hashes what is read through it (one pass to archive and checksum)."""

    def __init__(self, handle):
        self.handle = handle
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.sha256.update(data)
        return data


def file_sha256(path) -> str:
    """The SHA-256 of a file on disk, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
