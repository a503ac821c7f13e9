"""Every migration of the project's apps can be undone, or says why not (docs/operations.md)."""

import inspect
import sys
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.migrations import RunPython, RunSQL
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from operations.inventory import live_row_counts

IRREVERSIBLE = "Irreversible because"


def project_apps() -> list[str]:
    """The labels of the project's own apps that have migrations (not Django's or Wagtail's).

    Installed packages live in the running virtualenv, which may sit inside the checkout under any
    name (`.venv`, CI's `.venv-3.13`): anything below `sys.prefix` or a hidden folder is not ours.
    """
    root = Path(settings.BASE_DIR)
    environment = Path(sys.prefix).resolve()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(
        config.label
        for config in apps.get_app_configs()
        if (path := Path(config.path).resolve()).is_relative_to(root.resolve())
        and not path.is_relative_to(environment)
        and not path.relative_to(root.resolve()).parts[0].startswith(".")
        and config.label in loader.migrated_apps
    )


def _irreversible_operations(migration) -> list:
    return [
        operation
        for operation in migration.operations
        if (isinstance(operation, RunPython) and operation.reverse_code is None)
        or (isinstance(operation, RunSQL) and operation.reverse_sql is None)
        or not operation.reversible
    ]


def test_every_migration_that_cannot_be_undone_says_why():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    silent = [
        f"{app}.{name}"
        for (app, name), migration in loader.disk_migrations.items()
        if app in project_apps()
        and _irreversible_operations(migration)
        and IRREVERSIBLE not in inspect.getsource(inspect.getmodule(migration))
    ]
    assert silent == [], f"say '{IRREVERSIBLE} ...' in these migrations, or give a reverse"


def test_the_project_apps_are_found():
    assert {"workforce", "accounts", "courses", "certificates", "coverage"} <= set(project_apps())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_project_app_migrates_to_zero_and_back_up():
    tables_before, rows_before = set(connection.introspection.table_names()), live_row_counts()
    executor = MigrationExecutor(connection)
    executor.migrate([(app, None) for app in project_apps()])
    own = {
        model._meta.db_table
        for app in project_apps()
        for model in apps.get_app_config(app).get_models()
    }
    assert not own & set(connection.introspection.table_names())

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert set(connection.introspection.table_names()) == tables_before
    assert live_row_counts() == rows_before
