import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.databases import BackupError
from operations.restore import backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup archive made by `backup`: checks it first, then replaces the database "
        "and writes the files back (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes",
            "--force",
            dest="replace",
            action="store_true",
            help="replace a database that is in use (holds logins)",
        )

    def handle(self, *args, archive: Path, replace: bool, **options):
        started = time.monotonic()
        try:
            differ = backup_restore(path=archive, replace=replace, report=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if differ:
            raise CommandError(
                f"Restored, but {len(differ)} tables differ from the backup (listed above)."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Restore complete in {time.monotonic() - started:.1f} s.")
        )
