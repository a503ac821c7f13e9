"""A stand-in DHIS2 on loopback: `/api/dataValueSets` as DHIS2 2.38+ documents it.

It checks each request as DHIS2 would (ApiToken authorisation, else 401; a JSON dataValueSet whose
values each have a dataElement, a period in one of DHIS2's formats, an orgUnit and a value given as
a string, the categoryOptionCombo optional) and answers with DHIS2's import summary: 200 with
`status: OK` when every value is taken, 409 with `status: WARNING` (some taken) or `ERROR` (none)
and a `conflicts` list of `{object, value, errorCode, property}` otherwise. Values are kept one per
(dataElement, period, orgUnit, categoryOptionCombo), as DHIS2 keeps them; a dry run keeps nothing.
`fail_next` answers the next requests with 503 (DHIS2 restarting behind its proxy).
"""

import json
import re
from urllib.parse import parse_qs, urlparse

from tests.standin import JsonStandIn

UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")
# DHIS2's period formats (docs.dhis2.org, Web API › Date and period format): day, week, month,
# bi-month, quarter, six-month, year, financial years.
PERIOD = re.compile(
    r"^(\d{8}|\d{4}(Wed|Thu|Sat|Sun)?W\d{1,2}|\d{4}BiW\d{1,2}|\d{6}|\d{4}0\dB|\d{4}Q[1-4]|"
    r"\d{4}(April|Nov)?S[12]|\d{4}|\d{4}(April|July|Oct|Nov)|\d{4}-\d{2}-\d{2})$"
)
VALUE_KEYS = {"dataElement", "period", "orgUnit", "categoryOptionCombo", "value", "comment"}
DEFAULT_COMBO = "HllvX50cXC0"  # DHIS2's default category option combo


class Dhis2StandIn(JsonStandIn):
    def __init__(self, *, token: str, data_set: str, data_elements: set, org_units: set):
        self.token = token
        self.data_set = data_set
        self.data_elements = set(data_elements)
        self.org_units = set(org_units)
        self.values: dict[tuple, str] = {}
        self.requests: list[dict] = []
        self.fail_next = 0
        super().__init__()

    def answer(self, method: str, path: str, headers, body: bytes) -> tuple[int, dict, dict]:
        status, answer = self._answer(path, headers, body)
        return status, answer, {}

    def _answer(self, path: str, headers, body: bytes) -> tuple[int, dict]:
        url = urlparse(path)
        params = {key: values[0] for key, values in parse_qs(url.query).items()}
        self.requests.append({"path": url.path, "params": params, "headers": dict(headers)})
        if self.fail_next:
            self.fail_next -= 1
            return 503, {"httpStatus": "Service Unavailable", "httpStatusCode": 503}
        if headers.get("Authorization") != f"ApiToken {self.token}":
            return 401, _message("Unauthorized", 401, "ERROR", "Unauthorized")
        if url.path != "/api/dataValueSets":
            return 404, _message("Not Found", 404, "ERROR", "Not found")
        try:
            document = json.loads(body)
        except ValueError:
            return 400, _message("Bad Request", 400, "ERROR", "Invalid JSON")
        problem = self.schema_problem(document, params)
        if problem:
            return 400, _message("Bad Request", 400, "ERROR", problem)
        return self.import_values(document["dataValues"], params)

    def schema_problem(self, document, params) -> str:
        """What breaks DHIS2's dataValueSet schema, or ""."""
        if not isinstance(document, dict) or not isinstance(document.get("dataValues"), list):
            return "dataValues must be a list"
        if params.get("dataSetIdScheme", "UID") == "UID" and not UID.match(
            str(document.get("dataSet", ""))
        ):
            return "dataSet must be a UID"
        if params.get("importStrategy") not in (None, "CREATE_AND_UPDATE", "CREATE", "UPDATE"):
            return "unknown importStrategy"
        for value in document["dataValues"]:
            if not isinstance(value, dict) or set(value) - VALUE_KEYS:
                return f"unknown keys in {value}"
            for key in ("dataElement", "period", "orgUnit", "value"):
                if not isinstance(value.get(key), str) or not value[key]:
                    return f"{key} must be a non-empty string"
            if not PERIOD.match(value["period"]):
                return f"period {value['period']} is not a DHIS2 period"
            if "categoryOptionCombo" in value and not isinstance(value["categoryOptionCombo"], str):
                return "categoryOptionCombo must be a string"
        return ""

    def import_values(self, values: list, params: dict) -> tuple[int, dict]:
        dry_run = params.get("dryRun") == "true"
        counts = {"imported": 0, "updated": 0, "ignored": 0, "deleted": 0}
        conflicts = []
        for value in values:
            if value["dataElement"] not in self.data_elements:
                conflicts.append(_conflict(value["dataElement"], "E7610", "dataElement"))
            elif value["orgUnit"] not in self.org_units:
                conflicts.append(_conflict(value["orgUnit"], "E7612", "orgUnit"))
            else:
                key = (
                    value["dataElement"],
                    value["period"],
                    value["orgUnit"],
                    value.get("categoryOptionCombo", DEFAULT_COMBO),
                )
                counts["updated" if key in self.values else "imported"] += 1
                if not dry_run:
                    self.values[key] = value["value"]
                continue
            counts["ignored"] += 1
        taken = counts["imported"] + counts["updated"]
        status = "SUCCESS" if not conflicts else ("WARNING" if taken else "ERROR")
        summary = {
            "responseType": "ImportSummary",
            "status": status,
            "importOptions": {"dryRun": dry_run, "importStrategy": params.get("importStrategy")},
            "description": "Import process completed successfully",
            "importCount": counts,
            "conflicts": conflicts,
            "dataSetComplete": "false",
        }
        if conflicts:
            message = "An error occurred, please check import summary."
            answer = _message("Conflict", 409, status, message)
            return 409, {**answer, "response": summary}
        return 200, {**_message("OK", 200, "OK", "Import was successful."), "response": summary}


def _message(http_status: str, code: int, status: str, message: str) -> dict:
    return {"httpStatus": http_status, "httpStatusCode": code, "status": status, "message": message}


def _conflict(uid: str, code: str, prop: str) -> dict:
    noun = {"dataElement": "Data element", "orgUnit": "Organisation unit"}[prop]
    return {
        "object": uid,
        "objects": {prop: uid},
        "value": f"{noun} not found or not accessible: `{uid}`",
        "errorCode": code,
        "property": prop,
        "indexes": [0],
    }
