from celery import current_app as app  # the project's app (cme/celery.py), set as current

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.build import demo_build
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
        # The demo's steps issue the certificates and build the coverage figures themselves; the
        # tasks their records queue after commit then find nothing left to do. They run here, so
        # the worker of `make run` starts with no backlog of the demo's own work.
        eager = app.conf.task_always_eager
        app.conf.task_always_eager = True
        try:
            with transaction.atomic():
                report = demo_build(stdout=self.stdout)
        finally:
            app.conf.task_always_eager = eager
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready. Logins (password for all: {report['password']}):")
        )
        for username, description in report["logins"]:
            self.stdout.write(f"  {username:<22} {description}")
        self.stdout.write(
            "Staff logins ask for a code after the password. Add the secret to an authenticator "
            "app, or in development run `python manage.py otp_code <username>`:"
        )
        for username, secret in report["second_factors"]:
            self.stdout.write(f"  {username:<22} {secret}")
