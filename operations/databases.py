"""Copy the database to a file and back: SQLite's backup API, or PostgreSQL's pg_dump/pg_restore.

SQLite is never copied as a file: a live database in WAL mode keeps recent writes in a second
file, so a file copy can miss them or catch a page half-written. The backup API copies a
consistent snapshot through SQLite itself. PostgreSQL's password goes to pg_dump and pg_restore in
the PGPASSWORD variable, never on the command line (where `ps` shows it to every user).
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from operations.inventory import row_counts

DUMP_NAMES = {"sqlite": "database/db.sqlite3", "postgresql": "database/db.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message tells an administrator what to do."""


def vendor() -> str:
    """The kind of database this site uses, as Django names it."""
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def database_logins() -> int:
    """Logins in the database: 0 when it is new (no tables yet, or none made)."""
    user = get_user_model()
    if user._meta.db_table not in connection.introspection.table_names():
        return 0
    return user._base_manager.count()


def database_dump(target: Path) -> dict[str, int | None]:
    """Write a consistent copy of the whole database to `target`; its rows per model.

    The counts are of the copy itself (SQLite) or of the very snapshot pg_dump writes, so a site
    in use while it is backed up still gets counts that the restore can compare exactly.
    """
    if vendor() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
            return row_counts(copy.cursor(), tables)
        finally:
            copy.close()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = row_counts(cursor, set(connection.introspection.table_names(cursor)))
        _run("pg_dump", ["--format=custom", f"--snapshot={snapshot}", "--file", str(target)])
    return counts


def database_load(source: Path) -> None:
    """Replace the database's contents with those of a dump made by `database_dump`."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            copy.backup(connection.connection)
        finally:
            copy.close()
        return
    # Our own session would hold locks on the tables pg_restore drops and creates again.
    connection.close()
    options = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
    _run("pg_restore", [*options, "--exit-on-error", str(source)])


def _server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def pg_tool(name: str) -> str:
    """The pg_dump or pg_restore whose major version is at least the server's."""
    major = _server_major()
    candidates = [
        Path(os.environ.get("PG_BIN_DIR", "/nonexistent")) / name,
        Path(f"/usr/lib/postgresql/{major}/bin/{name}"),
    ]
    found = [str(path) for path in candidates if path.exists()] or [shutil.which(name)]
    tool = found[0]
    if not tool:
        raise BackupError(f"{name} is not installed: install postgresql-client-{major}.")
    answer = subprocess.run(  # noqa: S603 (the tool found above)
        [tool, "--version"], capture_output=True, text=True, check=False
    )
    version = re.search(r"\) (\d+)", answer.stdout)
    if not version or int(version.group(1)) < major:
        raise BackupError(
            f"{tool} ({answer.stdout.strip()}) is older than the database server "
            f"(PostgreSQL {major}): install postgresql-client-{major} or set PG_BIN_DIR."
        )
    return tool


def _run(name: str, arguments: list[str]) -> None:
    settings = connection.settings_dict
    env = {**os.environ}
    env.pop("PGPASSWORD", None)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = settings["PASSWORD"]
    if settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = settings["OPTIONS"]["sslmode"]
    target = ["--dbname", settings["NAME"]]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            target += [flag, str(settings[key])]
    result = subprocess.run(  # noqa: S603 (a fixed tool, arguments from settings, no shell)
        [pg_tool(name), *target, *arguments], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{name} failed: {result.stderr.strip() or result.stdout.strip()}")
