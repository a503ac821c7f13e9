"""The admin report of staff reading personal records, for national administrators only."""

import django_filters

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from workforce.models import HealthWorker, PersonalRecordRead, manages_roles
from workforce.names import name_normalise
from workforce.reads import personal_record_reads_visible_to
from workforce.selectors import health_worker_search

__all__ = ["PersonalRecordReadsView"]


def _staff(request):
    return get_user_model().objects.filter(role_assignments__isnull=False).distinct()


class PersonalRecordReadFilterSet(WagtailFilterSet):
    person = django_filters.CharFilter(label=_("person"), method="filter_person")
    reader = django_filters.ModelChoiceFilter(label=_("read by"), queryset=_staff)
    kind = django_filters.ChoiceFilter(
        label=_("what was read"), choices=PersonalRecordRead.Kind.choices
    )
    read_at = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)

    class Meta:
        model = PersonalRecordRead
        fields = []

    def filter_person(self, queryset, name, value):
        if not name_normalise(value):
            return queryset
        # The registry's one search, so a Sorani spelling finds the reads of an Arabic record.
        people = health_worker_search(queryset=HealthWorker.objects.all(), query=value)
        return queryset.filter(
            Q(health_worker__in=people.values("pk")) | Q(person__icontains=value.strip())
        )


class PersonalRecordReadsView(ReportView):
    """Who read whose record, when: national administrators and superusers only."""

    page_title = _("Reads of personal records")
    header_icon = "view"
    index_url_name = "personal_record_reads"
    index_results_url_name = "personal_record_reads_results"
    filterset_class = PersonalRecordReadFilterSet
    model = PersonalRecordRead
    columns = [
        DateColumn("read_at", label=_("read at")),
        Column("reader", label=_("read by")),
        Column("person", label=_("person")),
        Column("kind", label=_("what was read"), accessor="get_kind_display"),
        Column("detail", label=_("detail")),
    ]
    list_export = ["read_at", "reader", "person", "get_kind_display", "detail"]
    export_headings = {"get_kind_display": _("what was read"), "reader": _("read by")}

    def dispatch(self, request, *args, **kwargs):
        if not manages_roles(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return personal_record_reads_visible_to(self.request.user)
