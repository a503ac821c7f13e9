"""The one HTTP call to DHIS2: POST a dataValueSet to `/api/dataValueSets`.

Network errors and 5xx answers raise `Dhis2Unavailable` (an OSError, so the task retries them);
any other answer, 409 with its conflicts included, is returned for the service to store.
"""

import json
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlparse

TIMEOUT = 60  # seconds; DHIS2 imports a few thousand values well within it


class Dhis2Unavailable(OSError):
    """DHIS2 could not be reached, or answered 5xx: worth trying again later."""


def data_value_set_post(*, base_url: str, token: str, payload: dict, params: dict):
    """Send the payload; returns (HTTP status, parsed JSON body or {})."""
    if urlparse(base_url).scheme not in ("http", "https"):
        raise ValueError("a DHIS2 base URL is http or https")  # URLField also lets ftp through
    url = f"{base_url.rstrip('/')}/api/dataValueSets?{urlencode(params)}"
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={
            "Authorization": f"ApiToken {token}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.status, _body(response.read())
    except urllib.error.HTTPError as error:
        if error.code >= 500:
            raise Dhis2Unavailable(f"DHIS2 answered {error.code}") from None
        return error.code, _body(error.read())
    except (urllib.error.URLError, TimeoutError) as error:
        # Neither the request nor its headers go into the message: the token stays out of logs.
        raise Dhis2Unavailable(f"DHIS2 not reachable: {getattr(error, 'reason', error)}") from None


def _body(raw: bytes) -> dict:
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
