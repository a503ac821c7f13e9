"""Verification answers remembered in the shared cache, forgotten whenever any certificate changes.

The public verification is the site's busiest page, and a QR code scanned again and again (or a
verifier's script) asks the same question many times a minute. Its answer is kept for
CERTIFICATE_VERIFY_CACHE_SECONDS under a *generation*: a random token that every save or deletion
of any certificate replaces (issue, revocation, re-issue, withdrawal, an admin's edit), once at
the change and again once its transaction has committed. A reader fetches the generation with the
answer in one round trip and takes the answer only if it was stored under the current one; it
reads the generation before the database, so an answer read before a change committed is stored
under a generation the commit has already replaced. From the moment the request (or task) that
revoked a certificate has finished, no look-up answers it valid.

Only a look-up by serial or verification code alone is kept: a QR signature or a family name is
checked on every request. Off (0 seconds) unless the cache is shared (CACHE_URL): with one memory
per process, a Celery worker's withdrawal would not reach the web processes' memory.
"""

import hashlib
import secrets
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "cme:verify:generation"
Answer = tuple[bool, dict]


def _answer_key(*, key: str, language: str) -> str:
    digest = hashlib.sha256(key.strip().upper().encode()).hexdigest()[:32]
    return f"cme:verify:answer:{language}:{digest}"


def _generation_new() -> str:
    return secrets.token_hex(8)


def remembered_answer_keys(*, key: str, language: str) -> list[str]:
    """The cache keys `remembered_answer` reads: a caller that talks to the cache anyway (the
    rate limits) reads them in its own round trip and passes what it found as `prefetched`."""
    if settings.CERTIFICATE_VERIFY_CACHE_SECONDS <= 0:
        return []
    return [GENERATION_KEY, _answer_key(key=key, language=language)]


def remembered_answer(
    *,
    key: str,
    language: str,
    compute: Callable[[], Answer],
    prefetched: dict | None = None,
) -> Answer:
    """The answer to a look-up of `key` in `language`, from the cache if no certificate changed
    since it was stored, else from `compute` (the database), then stored.

    `prefetched`: the values of `remembered_answer_keys` as the cache gave them, read before the
    database in the same request (else they are read here).
    """
    seconds = settings.CERTIFICATE_VERIFY_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    answer_key = _answer_key(key=key, language=language)
    found = cache.get_many([GENERATION_KEY, answer_key]) if prefetched is None else prefetched
    generation, stored = found.get(GENERATION_KEY), found.get(answer_key)
    if generation is not None and stored is not None and stored[0] == generation:
        return stored[1]
    if generation is None:
        # First look-up, or the token was evicted: a new token, which no stored answer carries.
        token = _generation_new()
        generation = token if cache.add(GENERATION_KEY, token, None) else cache.get(GENERATION_KEY)
    answer = compute()
    if generation is not None:
        cache.set(answer_key, (generation, answer), seconds)
    return answer


def answers_forget(**kwargs) -> None:
    """Every remembered answer is stale: a certificate was saved or deleted (a model signal).

    Now, so that nothing read from here on counts, and again after the commit, so that nothing read
    while the change was not yet visible counts either.
    """
    if settings.CERTIFICATE_VERIFY_CACHE_SECONDS <= 0:
        return
    cache.set(GENERATION_KEY, _generation_new(), None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _generation_new(), None))
