"""Time one phone's batch through /api/v1/field/sync: `manage.py bench_sync --records 1000`."""

import datetime
import json
import time
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client
from django.utils import timezone

from benchmarks.management.commands.bench_import import SESSIONS, Rollback
from benchmarks.management.commands.bench_import import Command as ImportBench
from courses.services import enrolments_add
from field import services as field_services


class Command(BaseCommand):
    help = "Send an N-record batch of marks through the sync endpoint (all checks on); records/s."

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=1000)

    def handle(self, *, records, **options):
        try:
            with transaction.atomic():
                self.run(records=records)
                raise Rollback  # measured, never kept
        except Rollback:
            pass

    def run(self, *, records: int) -> None:
        people = max(1, -(-records // SESSIONS))
        setup = ImportBench()
        workshop, user = setup.workshop(people)
        workers = setup.workers(people, workshop.venue)
        added = enrolments_add(workshop=workshop, health_workers=workers, user=user)
        enrolments = list(added.values())
        _device, token = field_services.device_enrol(
            code=field_services.enrolment_code_create(user=user), name="bench"
        )
        sessions = list(workshop.sessions.all())
        taken_at = (timezone.now() - datetime.timedelta(minutes=5)).isoformat()
        batch = [
            {
                "type": "mark",
                "client_uuid": str(uuid.uuid4()),
                "session": sessions[n % SESSIONS].pk,
                "enrolment": enrolments[n // SESSIONS].pk,
                "status": "present",
                "taken_at": taken_at,
            }
            for n in range(records)
        ]
        body = json.dumps({"records": batch})
        client = Client(HTTP_HOST="localhost")
        started = time.perf_counter()
        response = client.post(
            "/api/v1/field/sync",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        elapsed = time.perf_counter() - started
        results = response.json().get("results", [])
        applied = sum(r["result"] == "applied" for r in results)
        self.stdout.write(f"{applied} of {records} records applied in {elapsed:.2f} s")
        self.stdout.write(f"{records / elapsed:.0f} records/s")
