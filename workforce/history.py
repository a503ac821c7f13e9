"""Wagtail's site history, narrowed to the records a scoped member of staff may see.

A log entry about a record is shown to a scoped user only when the record's family has a
`visible_to(user)` and the record is in it; entries about anything else (role assignments,
reference data, users) stay with national staff. Page history keeps Wagtail's page permissions.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry

from workforce.models import ScopeLevel


def sees_all_history(user) -> bool:
    """Superusers and staff with a national role read the whole site history."""
    if user.is_superuser:
        return True
    return user.role_assignments.filter(level=ScopeLevel.NATIONAL).exists()


def _scoped_models():
    for model in apps.get_models():
        if hasattr(model._default_manager.all(), "visible_to"):
            yield model


def log_entries_in_scope(queryset, *, user):
    """Model log entries about records the user may see (all of them for national staff)."""
    if sees_all_history(user):
        return queryset
    condition = Q(pk__in=[])
    for model in _scoped_models():
        visible = model._default_manager.all().visible_to(user)
        ids = visible.annotate(text_pk=Cast("pk", CharField())).values("text_pk")
        content_type = ContentType.objects.get_for_model(model)
        condition |= Q(content_type=content_type, object_id__in=ids)
    return queryset.filter(condition)


class ScopedLogEntriesView(LogEntriesView):
    """The site history report, each log model's entries narrowed to the user's scope."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if queryset.model is ModelLogEntry:
            queryset = log_entries_in_scope(queryset, user=self.request.user)
        return queryset
