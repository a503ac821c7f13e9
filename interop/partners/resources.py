"""What the partner API serves: each record family's scoped rows and the columns it shows.

Every queryset is the family's own `visible_to(account, roles=AUDITING_ROLES)`: a key reads as the
auditor of its scope and nothing else. A worker's phone, e-mail and national ID are left out: a
partner learns who trained where, not how to reach a person. The rows of people are the health
workforce's: external participants are in none of them (`workforce_q`), as in coverage.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from ninja import Schema

from certificates.models import Certificate
from courses.models import Completion
from coverage.models import TrainedCell
from workforce.models import AUDITING_ROLES, Facility, HealthWorker, workforce_q


class FacilityOut(Schema):
    id: int
    code: str
    name_en: str
    name_ar: str
    name_ckb: str
    kind: str
    directorate: str
    governorate: str
    region: str
    beds: int | None
    is_active: bool


class HealthWorkerOut(Schema):
    id: int
    name_ar: str
    name_latin: str
    licence_number: str | None
    sex: str
    cadre: str
    facility: str
    governorate: str


class CompletionOut(Schema):
    id: int
    health_worker: int
    course_code: str
    course_title: str
    workshop: int
    starts_on: datetime.date
    ends_on: datetime.date
    venue: str
    completed_on: datetime.date
    is_complete: bool
    attendance_percent: Decimal
    post_score: Decimal | None
    cme_hours: Decimal


class CertificateOut(Schema):
    id: int
    serial: str
    completion: int
    health_worker: int
    holder_name_ar: str
    holder_name_latin: str
    course_code: str
    course_title_en: str
    cme_hours: Decimal
    completed_on: datetime.date
    issued_at: datetime.datetime
    status: str


class CoverageCellOut(Schema):
    id: int
    month: datetime.date
    previous_month: datetime.date | None
    course_code: str
    facility: str
    directorate: str
    governorate: str
    cadre: str
    workers: int
    completions: int


@dataclass(frozen=True)
class Resource:
    name: str  # the path under /partners/ and the file's name
    summary: str
    description: str
    schema: type[Schema]
    columns: dict[str, str]  # output column -> the row's path, in order
    model: type
    person: str | None = None  # the path from a row to its person ("" for a person's own row)

    def rows(self, account):
        """The rows the key's account may read, in the order paging walks (primary key)."""
        scoped = self.model.objects.visible_to(account, roles=AUDITING_ROLES)
        if self.person is not None:
            scoped = scoped.filter(workforce_q(self.person))
        return scoped.order_by("pk").values(*self.columns.values())

    def out(self, row: dict) -> dict:
        """One row under the API's column names."""
        return {name: row[path] for name, path in self.columns.items()}


RESOURCES = [
    Resource(
        name="facilities",
        summary="Facilities",
        description="Facilities of the key's scope, with their directorate, governorate and "
        "region by code. `kind` is one of the registry's facility kinds.",
        schema=FacilityOut,
        model=Facility,
        columns={
            "id": "pk",
            "code": "code",
            "name_en": "name_en",
            "name_ar": "name_ar",
            "name_ckb": "name_ckb",
            "kind": "kind",
            "directorate": "directorate__code",
            "governorate": "governorate__code",
            "region": "governorate__region",
            "beds": "beds",
            "is_active": "is_active",
        },
    ),
    Resource(
        name="health-workers",
        summary="Health workers",
        description="Health workers registered at a facility of the key's scope: names in both "
        "scripts, licence number, sex (`F`, `M` or empty), cadre and facility by code. No phone, "
        "e-mail or national ID. External participants (another ministry, a company) are not "
        "health workers and are not listed.",
        schema=HealthWorkerOut,
        model=HealthWorker,
        person="",
        columns={
            "id": "pk",
            "name_ar": "name_ar",
            "name_latin": "name_latin",
            "licence_number": "licence_number",
            "sex": "sex",
            "cadre": "cadre__code",
            "facility": "facility__code",
            "governorate": "facility__governorate__code",
        },
    ),
    Resource(
        name="completions",
        summary="Completions",
        description="Evaluated workshop outcomes of workers of the key's scope. Only "
        "`is_complete: true` earns `cme_hours` (a decimal, never rounded). External "
        "participants' are not listed.",
        schema=CompletionOut,
        model=Completion,
        person="health_worker__",
        columns={
            "id": "pk",
            "health_worker": "health_worker_id",
            "course_code": "course__code",
            "course_title": "course__title",
            "workshop": "workshop_id",
            "starts_on": "workshop__starts_on",
            "ends_on": "workshop__ends_on",
            "venue": "workshop__venue__code",
            "completed_on": "completed_on",
            "is_complete": "is_complete",
            "attendance_percent": "attendance_percent",
            "post_score": "post_score",
            "cme_hours": "cme_hours",
        },
    ),
    Resource(
        name="certificates",
        summary="Certificates",
        description="Certificates of workers of the key's scope, every issue with its `status` "
        "(`valid`, `revoked`, `superseded` or `withdrawn`); the serial is what the public "
        "verification page checks. External participants' are not listed (their certificates "
        "verify on that page like any other).",
        schema=CertificateOut,
        model=Certificate,
        person="completion__health_worker__",
        columns={
            "id": "pk",
            "serial": "serial",
            "completion": "completion_id",
            "health_worker": "completion__health_worker_id",
            "holder_name_ar": "holder_name_ar",
            "holder_name_latin": "holder_name_latin",
            "course_code": "course_code",
            "course_title_en": "course_title_en",
            "cme_hours": "cme_hours",
            "completed_on": "completed_on",
            "issued_at": "issued_at",
            "status": "status",
        },
    ),
    Resource(
        name="coverage-cells",
        summary="Coverage cells",
        description="The coverage figures' building blocks: distinct `workers` of one facility "
        "and cadre who completed one course in one `month`. A worker counts in a period "
        "[start, end] in the one row with start <= month <= end and `previous_month` null or "
        "before start; sum those rows per course. Cells are derived data: a rebuild renumbers "
        "them, so start paging again after one.",
        schema=CoverageCellOut,
        model=TrainedCell,
        columns={
            "id": "pk",
            "month": "month",
            "previous_month": "previous_month",
            "course_code": "course__code",
            "facility": "facility__code",
            "directorate": "directorate__code",
            "governorate": "governorate__code",
            "cadre": "cadre__code",
            "workers": "workers",
            "completions": "completions",
        },
    ),
]
