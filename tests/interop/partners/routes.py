"""The API's paths, read from its URL patterns: the partner routes and all the others."""

import re

from cme.api import api

DESCRIPTIONS = {"/api/v1/", "/api/v1/openapi.json", "/api/v1/docs"}


def api_paths() -> list[str]:
    patterns, _app, _namespace = api.urls
    paths = ("/api/v1/" + re.sub(r"<[^>]+>", "1", str(p.pattern)) for p in patterns)
    return sorted(path for path in paths if path not in DESCRIPTIONS)


def response_text(response) -> str:
    """A response's body as text, streamed (CSV, NDJSON) or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def partner_paths() -> list[str]:
    return [path for path in api_paths() if path.startswith("/api/v1/partners/")]


def other_paths() -> list[str]:
    return [path for path in api_paths() if not path.startswith("/api/v1/partners/")]
