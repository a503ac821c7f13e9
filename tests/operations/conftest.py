import io

import pytest

from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection

from operations.inventory import storage_files
from tests.factories.site import small_site


@pytest.fixture(autouse=True)
def _private_fields_in_the_tests_folder(monkeypatch):
    """FileFields bind `storages["private"]` once, at import (var/test-private in tests): point
    them at this test's private folder, the one a backup reads, as they are in production."""
    from django.apps import apps
    from django.db.models import FileField

    from core.storage import PrivateStorage

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, FileField) and isinstance(field.storage, PrivateStorage):
                monkeypatch.setattr(field, "storage", storages["private"])


@pytest.fixture(autouse=True)
def _content_types_cached_again():
    """A restore empties the content-type cache (ids may differ in a backup); the next test's
    snapshot is loaded with signal handlers that would create rows for a type not in the cache."""
    yield
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@pytest.fixture
def site_with_records(kirkuk_facility, basra_facility):
    """A small site as the demo makes one; its three certificates."""
    return small_site(facilities=[kirkuk_facility, basra_facility, kirkuk_facility])


@pytest.fixture
def backup(tmp_path):
    """Run `manage.py backup` into a folder of its own; the archive's path."""

    def run():
        output = tmp_path / "backups"
        call_command("backup", output=output, stdout=io.StringIO())
        return next(output.glob("*.tar.gz"))

    return run


def stored_files() -> dict[str, bytes]:
    """Every file of the public and private storages, with its contents."""
    files = {}
    for alias in ("public", "private"):
        storage = storages[alias]
        for name in storage_files(storage):
            with storage.open(name, "rb") as handle:
                files[f"{alias}/{name}"] = handle.read()
    return files


def database_drop() -> None:
    """Leave the database as a new one: no tables at all."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
            cursor.execute(f"DROP TABLE {quoted} CASCADE")
            return
        cursor.execute("PRAGMA foreign_keys = OFF")
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)}")
        cursor.execute("PRAGMA foreign_keys = ON")
