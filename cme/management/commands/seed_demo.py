from django.core.management.base import BaseCommand
from django.db import transaction

from cme.demo import demo_build
from workforce.models import HealthWorker


class Command(BaseCommand):
    help = "Builds the reproducible demo: places, health workers, courses, workshops, certificates."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when demo data exists"
        )

    def handle(self, *args, if_empty: bool, **options):
        if if_empty and HealthWorker.objects.exists():
            self.stdout.write(
                "Demo data already present; skipping (run `manage.py seed_demo` to add it again)."
            )
            return
        with transaction.atomic():
            report = demo_build(stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready. Logins (password for all: {report['password']}):")
        )
        for username, description in report["logins"]:
            self.stdout.write(f"  {username:<22} {description}")
