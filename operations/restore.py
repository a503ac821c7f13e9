"""Bring a site back from a backup archive, checking everything before changing anything.

The order is the safety: the archive's checksum, then every file against the manifest (all
unpacked into a staging folder first), then the kind of database and whether this one is in use.
Only then the database is replaced and the files written; the summary compares rows per model
with the manifest.
"""

import json
import tarfile
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import storages
from django.db.migrations.loader import MigrationLoader

from certificates import identity
from certificates.answers import answers_forget
from operations.backup import MANIFEST, STORAGES
from operations.databases import (
    DUMP_NAMES,
    VENDOR_NAMES,
    BackupError,
    database_load,
    database_logins,
    vendor,
)
from operations.inventory import file_sha256, live_row_counts, storage_files

UNCHANGED = "Nothing on this site was changed."


def _checksum_matches(path: Path) -> None:
    sums = path.with_name(path.name + ".sha256")
    if not path.is_file():
        raise BackupError(f"There is no backup archive at {path}.")
    if not sums.is_file():
        raise BackupError(
            f"The checksum file {sums.name} is missing: copy it together with the archive. "
            + UNCHANGED
        )
    expected = (sums.read_text().split() or [""])[0].lower()
    if file_sha256(path) != expected:
        raise BackupError(
            f"{path.name} does not match its checksum: the copy is damaged, incomplete or was "
            f"changed after the backup. Use another copy. {UNCHANGED}"
        )


def archive_unpack(path: Path, staging: Path) -> dict:
    """Check an archive and unpack it into `staging`; its manifest. Touches nothing else."""
    _checksum_matches(path)
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                if not member.isfile():
                    raise BackupError(f"The archive holds an unexpected entry {member.name}.")
                archive.extract(member, staging, filter="data")
        manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
    except (tarfile.TarError, EOFError, OSError, zlib.error, ValueError) as error:
        raise BackupError(
            f"{path.name} cannot be read to its end ({error}). Use another copy. {UNCHANGED}"
        ) from error
    found = {
        str(file.relative_to(staging)): file_sha256(file)
        for file in staging.rglob("*")
        if file.is_file() and file.name != MANIFEST
    }
    if found != manifest.get("files"):
        changed = sorted(set(found.items()) ^ set(manifest.get("files", {}).items()))
        raise BackupError(
            f"The files in {path.name} differ from its manifest ({changed[0][0]} and "
            f"{len(changed) - 1} more). Use another copy. {UNCHANGED}"
        )
    if manifest.get("database_vendor") != vendor():
        raise BackupError(
            f"This backup holds a {manifest.get('database_vendor')} database, and this site "
            f"uses {VENDOR_NAMES[vendor()]}: restore it on a site of the same kind. {UNCHANGED}"
        )
    return manifest


def _files_restore(staging: Path, manifest: dict) -> dict[str, int]:
    kept = {}
    for alias, prefix in STORAGES.items():
        storage = storages[alias]
        names = {name[len(prefix) :] for name in manifest["files"] if name.startswith(prefix)}
        for name in sorted(names):
            if storage.exists(name):
                storage.delete(name)
            with open(staging / prefix / name, "rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            if saved != name:
                raise BackupError(f"The {alias} storage stored {name} as {saved}.")
        kept[alias] = sum(1 for name in storage_files(storage) if name not in names)
    return kept


def _pending_migrations(manifest: dict) -> list[str]:
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(f"{app}.{name}" for app, name in loader.disk_migrations.keys() - applied)


def backup_restore(
    *, path: Path, replace: bool = False, report: Callable[[str], None] = print
) -> dict[str, tuple]:
    """Restore a backup archive over this site; the models whose row counts differ."""
    with tempfile.TemporaryDirectory(prefix="cme-restore-") as folder:
        staging = Path(folder)
        report(f"1/4 Checking {path.name} (checksum and every file) ...")
        manifest = archive_unpack(path, staging)
        report(f"  The backup of {manifest['created_at']} is complete and unchanged.")
        logins = database_logins()
        if logins and not replace:
            raise BackupError(
                f"This site's database is in use: it holds {logins} login"
                f"{'s' if logins != 1 else ''}. Restoring replaces all its records with those "
                "of the backup. To do so, run again with --yes. " + UNCHANGED
            )
        report(f"2/4 Restoring the {VENDOR_NAMES[vendor()]} database ...")
        database_load(staging / DUMP_NAMES[manifest["database_vendor"]])
        ContentType.objects.clear_cache()
        # The certificates changed without their signals: no verification answer from before.
        answers_forget()
        report("3/4 Restoring the public and private files ...")
        kept = _files_restore(staging, manifest)
        for alias, count in kept.items():
            if count:
                report(f"  {count} {alias} files that are not in the backup were left in place.")
    report("4/4 Comparing rows with the backup ...")
    return _summary(manifest, report)


def _summary(manifest: dict, report: Callable[[str], None]) -> dict[str, tuple]:
    counts = live_row_counts()
    expected = manifest["row_counts"]
    differ = {
        label: (expected.get(label), counts.get(label))
        for label in sorted(set(expected) | set(counts))
        if expected.get(label) is not None and expected.get(label) != counts.get(label)
    }
    rows = sum(count or 0 for count in expected.values())
    if differ:
        for label, (before, now) in differ.items():
            report(f"  {label}: {before} rows in the backup, {now} here.")
    else:
        report(f"  All {len(expected)} tables match the backup ({rows:,} rows).")
    if manifest.get("signing_key_id") != identity.key_id():
        report(
            f"  Warning: this site signs with key {identity.key_id()}, the backup's certificates "
            f"with {manifest.get('signing_key_id')}. Set CERTIFICATE_SIGNING_KEY to the "
            "ministry's key, or their QR codes will not verify here."
        )
    pending = _pending_migrations(manifest)
    if pending:
        report(f"  The backup predates {len(pending)} migrations: run `manage.py migrate` now.")
    return differ
