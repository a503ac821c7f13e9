"""`/healthz`: can this process serve? The database, the broker and the storage, each ok or fail.

For a load balancer, systemd or a monitor (docs/operations.md). The answer names no database, host,
URL or folder, only which check failed; the reason goes to the log. Each check is one trivial
round trip (a `SELECT 1`, a broker connection with a one-second timeout, a folder's permissions),
so probing every few seconds costs nothing; nothing is cached, since a stale "ok" would hide an
outage.
"""

import logging
import os
from pathlib import Path

from celery import current_app

from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

BROKER_TIMEOUT = 1.0  # seconds: a broker slower than this to accept a connection is not healthy
STORAGE_NAMES = ("private", "public")


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _takes_files(folder: Path) -> bool:
    """The folder, or the nearest parent it would be made in, is a folder this process may write."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate.is_dir() and os.access(candidate, os.W_OK | os.X_OK)
    return False


def _broker() -> bool:
    conf = current_app.conf
    if conf.broker_url.startswith("filesystem"):
        # The embedded broker is a set of folders (cme/settings/celery.py makes them at start).
        folders = [Path(v) for v in conf.broker_transport_options.values() if isinstance(v, str)]
        return all(f.is_dir() and os.access(f, os.W_OK | os.X_OK) for f in folders)
    with current_app.connection_for_write(connect_timeout=BROKER_TIMEOUT) as broker:
        broker.ensure_connection(max_retries=0)  # one attempt: a probe must not wait on retries
    return True


def _storage() -> bool:
    for name in STORAGE_NAMES:
        storage = storages[name]
        if isinstance(storage, FileSystemStorage):
            if not _takes_files(Path(storage.location)):
                return False
        else:
            storage.exists("healthz")  # a remote storage answers, whatever the answer
    return True


CHECKS = {"database": _database, "broker": _broker, "storage": _storage}


def _passes(name: str, check) -> bool:
    try:
        if check():
            return True
        logger.warning("health check %s failed", name)
    except Exception as error:  # any error is a failed check, never a 500
        logger.warning("health check %s failed: %s: %s", name, type(error).__name__, error)
    return False


@never_cache
@require_safe
def healthz(request):
    """200 and "ok" when every check passes, else 503 and "fail", with each check's answer."""
    checks = {name: "ok" if _passes(name, check) else "fail" for name, check in CHECKS.items()}
    healthy = all(answer == "ok" for answer in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": checks}, status=200 if healthy else 503
    )
