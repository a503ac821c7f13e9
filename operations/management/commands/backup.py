from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from operations.backup import backup_create
from operations.databases import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database, the public and private files and the certificate key's public "
        "half into one dated archive with a checksum file (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="folder for the archive (default: var/backups)",
        )

    def handle(self, *args, output: Path, **options):
        try:
            backup_create(output=output, report=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
