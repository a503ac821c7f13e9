"""What the field API reads and answers (its OpenAPI document is drawn from these)."""

import datetime
import uuid
from decimal import Decimal
from typing import Any

from ninja import Schema


class EnrolIn(Schema):
    code: str
    name: str = ""


class EnrolOut(Schema):
    device_id: uuid.UUID
    token: str
    token_prefix: str


class Detail(Schema):
    detail: str


class SessionOut(Schema):
    id: int
    date: datetime.date


class MarkOut(Schema):
    session: int
    status: str


class ScoreOut(Schema):
    kind: str
    score: Decimal


class PersonOut(Schema):
    enrolment: int
    health_worker: int
    name_ar: str
    name_latin: str
    licence_number: str
    cadre: str
    facility: str
    marks: list[MarkOut]
    scores: list[ScoreOut]


class WorkshopOut(Schema):
    id: int
    course: str
    venue: str
    starts_on: datetime.date
    ends_on: datetime.date
    status: str
    sessions: list[SessionOut]
    roster: list[PersonOut]


class SyncIn(Schema):
    """Typed records (mark, score, walk_in); each is checked on its own, see docs/field-app.md."""

    records: list[dict[str, Any]]


class SyncResult(Schema):
    client_uuid: str | None
    type: str
    result: str
    reason: str = ""
    corrected: bool = False


class SyncOut(Schema):
    server_time: datetime.datetime
    results: list[SyncResult]
