"""The partner read API under /api/v1/partners/: scoped rows, paged by an opaque cursor.

JSON answers a page and the cursor of the next one; `format=csv` or `format=ndjson` streams every
row from the cursor on. The cursor is the last primary key read, signed: pages walk the rows in
key order, so a row added while a partner pages appears once (at the end), never twice.
"""

import json
from typing import Literal

from ninja import Query, Router, Schema
from ninja.errors import HttpError

from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from core.spreadsheets import csv_stream
from interop.partners.auth import PartnerApiKey
from interop.partners.resources import RESOURCES, Resource

router = Router(tags=["partners"], auth=PartnerApiKey())

CURSOR_SALT = "interop.partners.cursor"
DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
BATCH = 1000  # rows per query of a bulk download: memory stays flat at national scale
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}


class Detail(Schema):
    detail: str


def cursor_make(resource: Resource, last_pk: int) -> str:
    """The opaque token naming the page after `last_pk` of this resource."""
    return signing.dumps({"r": resource.name, "a": last_pk}, salt=CURSOR_SALT, compress=True)


def cursor_read(resource: Resource, token: str) -> int:
    """The last primary key a token names; 400 for a token of another resource or a made-up one."""
    if not token:
        return 0
    try:
        data = signing.loads(token, salt=CURSOR_SALT)
    except signing.BadSignature:
        data = None
    if not isinstance(data, dict) or data.get("r") != resource.name:
        raise HttpError(400, _("This paging cursor is not one this list gave: start without it."))
    return int(data["a"])


def _batches(rows, after: int):
    while batch := list(rows.filter(pk__gt=after)[:BATCH]):
        yield from batch
        after = batch[-1]["pk"]


def _download(resource: Resource, rows, after: int, format: str) -> StreamingHttpResponse:
    found = (resource.out(row) for row in _batches(rows, after))
    if format == "csv":
        lines = csv_stream(_with_header(list(resource.columns), found))
    else:
        lines = (json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n" for row in found)
    response = StreamingHttpResponse(lines, content_type=CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="{resource.name}.{format}"'
    return response


def _with_header(header: list[str], rows):
    yield header
    for row in rows:
        yield [row[name] for name in header]


def _page_schema(resource: Resource) -> type[Schema]:
    return type(
        f"{resource.schema.__name__.removesuffix('Out')}Page",
        (Schema,),
        {
            "__annotations__": {"items": list[resource.schema], "next": str | None},
            "__doc__": f"A page of {resource.name}; `next` is the cursor of the following page.",
        },
    )


def _register(resource: Resource) -> None:
    extra = {
        "responses": {
            200: {
                "content": {
                    "text/csv": {"schema": {"type": "string"}},
                    "application/x-ndjson": {"schema": {"type": "string"}},
                }
            }
        }
    }

    @router.get(
        f"/{resource.name}",
        response={200: _page_schema(resource), 400: Detail, 401: Detail},
        summary=resource.summary,
        description=resource.description
        + "\n\nPaging: pass the previous answer's `next` as `cursor` until `next` is null. "
        "`format=csv` or `format=ndjson` downloads every row from the cursor on, in one file.",
        operation_id=f"partners_{resource.name.replace('-', '_')}",
        url_name=f"partners-{resource.name}",
        openapi_extra=extra,
    )
    def read(
        request,
        cursor: str = Query("", description="The `next` of the previous page; empty to start."),
        limit: int = Query(DEFAULT_LIMIT, description=f"Rows a page (1 to {MAX_LIMIT})."),
        format: Literal["json", "csv", "ndjson"] = Query("json", description="Answer format."),
    ):
        rows = resource.rows(request.user)
        after = cursor_read(resource, cursor)
        if format != "json":
            return _download(resource, rows, after, format)
        size = min(max(limit, 1), MAX_LIMIT)
        page = list(rows.filter(pk__gt=after)[: size + 1])
        following = cursor_make(resource, page[size - 1]["pk"]) if len(page) > size else None
        return {"items": [resource.out(row) for row in page[:size]], "next": following}


for _resource in RESOURCES:
    _register(_resource)
