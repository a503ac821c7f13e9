"""One dated archive of everything a site needs to come back: database, files, public key.

Inside the archive:

    manifest.json                          what it holds, with the SHA-256 of every other file
    database/db.sqlite3 or db.pgdump       the database (SQLite backup API or pg_dump custom format)
    media/public/...  media/private/...    the two storages (published media, private files)
    keys/certificate-signing-key.pub.pem   the public half of the certificate signing key

Beside it, `<archive>.sha256` (the format `sha256sum -c` reads) lets a copy be checked anywhere.
The private signing key is never written: a secret of its own, kept apart (docs/operations.md).
"""

import contextlib
import datetime
import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.db import connection

from certificates import identity
from operations.databases import DUMP_NAMES, VENDOR_NAMES, database_dump, vendor
from operations.inventory import HashingReader, file_sha256, migration_state, storage_files

FORMAT = 1
MANIFEST = "manifest.json"
PUBLIC_KEY = "keys/certificate-signing-key.pub.pem"
STORAGES = {"public": "media/public/", "private": "media/private/"}


def _app_version() -> dict[str, str]:
    version = {}
    with contextlib.suppress(metadata.PackageNotFoundError):
        version["app_version"] = metadata.version("cme-tracker")
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"],  # noqa: S607 (git from PATH, when the site is a clone)
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if commit.returncode == 0:
        version["git_commit"] = commit.stdout.strip()
    return version


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def _add_storage(archive: tarfile.TarFile, alias: str, files: dict[str, str]) -> int:
    storage = storages[alias]
    count = 0
    for name in storage_files(storage):
        info = tarfile.TarInfo(STORAGES[alias] + name)
        info.size = storage.size(name)
        info.mtime = int(storage.get_modified_time(name).timestamp())
        with storage.open(name, "rb") as handle:
            reader = HashingReader(handle)
            archive.addfile(info, reader)
        files[info.name] = reader.sha256.hexdigest()
        count += 1
    return count


def _write(partial: Path, *, kind: str, created, report) -> None:
    files: dict[str, str] = {}
    with tempfile.TemporaryDirectory(dir=partial.parent) as work:
        dump = Path(work) / Path(DUMP_NAMES[kind]).name
        report(f"Copying the {VENDOR_NAMES[kind]} database {connection.settings_dict['NAME']} ...")
        counts = database_dump(dump)
        report(f"  {sum(c or 0 for c in counts.values()):,} rows in {len(counts)} tables.")
        with tarfile.open(partial, "w:gz", compresslevel=3) as archive:
            files[DUMP_NAMES[kind]] = file_sha256(dump)
            archive.add(dump, arcname=DUMP_NAMES[kind])
            for alias in STORAGES:
                report(f"Adding the {alias} files ...")
                report(f"  {_add_storage(archive, alias, files):,} files.")
            key = identity.public_key_pem().encode("ascii")
            _add_bytes(archive, PUBLIC_KEY, key)
            files[PUBLIC_KEY] = hashlib.sha256(key).hexdigest()
            manifest = {
                "format": FORMAT,
                "created_at": created.isoformat(timespec="seconds"),
                **_app_version(),
                "database_vendor": kind,
                "signing_key_id": identity.key_id(),
                "migrations": migration_state(),
                "row_counts": counts,
                "files": files,
            }
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())


def backup_create(*, output: Path, report: Callable[[str], None] = print) -> Path:
    """Write a dated backup archive and its checksum file into `output`; the archive's path."""
    output.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    created = datetime.datetime.now(datetime.UTC)
    path = output / f"cme-backup-{created:%Y-%m-%dT%H%M%SZ}.tar.gz"
    partial = path.with_name(path.name + ".partial")
    kind = vendor()
    try:
        _write(partial, kind=kind, created=created, report=report)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(path)
    checksum = file_sha256(path)
    path.with_name(path.name + ".sha256").write_text(f"{checksum}  {path.name}\n")
    report(
        f"Backup written in {time.monotonic() - started:.1f} s: {path} "
        f"({path.stat().st_size:,} bytes, SHA-256 {checksum})."
    )
    return path
