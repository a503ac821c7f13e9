"""A stand-in RapidPro on loopback: `POST /api/v2/broadcasts.json` as RapidPro's API v2 has it.

It checks each request as RapidPro does (`Authorization: Token <token>`, else 403 with its
`detail`; a JSON object whose `urns` are URNs such as `tel:+9647701234567` in E.164 and whose
`text` is a non-empty string of at most 640 characters, else 400 with the errors by field) and
answers 201 with the broadcast it created. `fail_next` answers the next requests with 503 (RapidPro
behind its proxy, restarting); `throttle_next` with 429 and a `Retry-After`, as RapidPro throttles.
"""

import datetime
import itertools
import json
import re

from tests.standin import JsonStandIn

E164_TEL = re.compile(r"^tel:\+[1-9]\d{6,14}$")
MAX_TEXT = 640  # RapidPro's limit on a broadcast's text


class RapidProStandIn(JsonStandIn):
    def __init__(self, *, token: str):
        self.token = token
        self.requests: list[dict] = []
        self.broadcasts: list[dict] = []
        self.fail_next = 0
        self.throttle_next = 0
        self._ids = itertools.count(1001)
        super().__init__()

    def answer(self, method: str, path: str, headers, body: bytes) -> tuple[int, dict, dict]:
        self.requests.append(
            {"method": method, "path": path, "headers": dict(headers), "body": body}
        )
        if self.fail_next:
            self.fail_next -= 1
            return 503, {"detail": "Service Unavailable"}, {}
        if self.throttle_next:
            self.throttle_next -= 1
            detail = "Request was throttled. Expected available in 3 seconds."
            return 429, {"detail": detail}, {"Retry-After": "3"}
        if headers.get("Authorization") != f"Token {self.token}":
            return 403, {"detail": "Invalid token"}, {}
        if path != "/api/v2/broadcasts.json":
            return 404, {"detail": "Not found."}, {}
        if method != "POST":
            return 405, {"detail": f'Method "{method}" not allowed.'}, {}
        try:
            document = json.loads(body)
        except ValueError:
            return 400, {"detail": "JSON parse error"}, {}
        errors = self.errors(document)
        if errors:
            return 400, errors, {}
        broadcast = {
            "id": next(self._ids),
            "urns": document["urns"],
            "contacts": [],
            "groups": [],
            "text": {"eng": document["text"]},
            "attachments": [],
            "base_language": "eng",
            "status": "queued",
            "created_on": datetime.datetime.now(datetime.UTC).isoformat(),
        }
        self.broadcasts.append(broadcast)
        return 201, broadcast, {}

    def errors(self, document) -> dict:
        """RapidPro's serializer errors, by field, or {}."""
        if not isinstance(document, dict):
            return {"non_field_errors": ["Invalid data. Expected a dictionary."]}
        errors = {}
        urns = document.get("urns")
        if not isinstance(urns, list) or not urns:
            errors["urns"] = ["Must provide either urns, contacts or groups."]
        else:
            bad = [urn for urn in urns if not isinstance(urn, str) or not E164_TEL.match(urn)]
            if bad:
                hint = "Ensure phone numbers contain country codes."
                errors["urns"] = [f"Invalid URN: {bad[0]}. {hint}"]
        text = document.get("text")
        if not isinstance(text, str) or not text.strip():
            errors["text"] = ["This field is required."]
        elif len(text) > MAX_TEXT:
            errors["text"] = [f"Ensure this field has no more than {MAX_TEXT} characters."]
        return errors
