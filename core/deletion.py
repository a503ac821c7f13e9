"""A deletion refused by the database's protection becomes a message to the person, not a 500.

Records that decide licences (workshops, enrolments, completions, certificates) protect what they
point at: a course with workshops, a facility with health workers, a cadre with requirements. Every
admin delete view (Wagtail pages, snippets, model viewsets, Django's own) ends in `Model.delete()`,
which raises `ProtectedError` or `RestrictedError` when such records exist. This middleware catches
both, for every view at once, and sends the person back with what still uses the record. The
request's transaction has already been rolled back when it sees the exception, so nothing changed.
"""

from django.contrib import messages
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.utils.translation import gettext as _

SHOWN = 3


def _what_uses(error) -> str:
    """'2 workshops, 1 completion' from the records the database refused to orphan."""
    counts: dict[type, int] = {}
    if isinstance(error, ProtectedError):
        records = error.protected_objects
    else:
        records = error.restricted_objects
    for record in records:
        counts[type(record)] = counts.get(type(record), 0) + 1
    parts = []
    for model, count in list(counts.items())[:SHOWN]:
        name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
        parts.append(f"{count} {name}")
    return _(", ").join(parts)


def _back(request) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return request.path


class RecordsInUseMiddleware:
    """Turns a refused deletion into an error message and a way back, for every view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (ProtectedError, RestrictedError)):
            return None
        messages.error(
            request,
            capfirst(
                _(
                    "This cannot be deleted because other records still use it (%(records)s). "
                    "Nothing was deleted: remove or move those records first."
                )
                % {"records": _what_uses(exception)}
            ),
        )
        return HttpResponseRedirect(_back(request))
