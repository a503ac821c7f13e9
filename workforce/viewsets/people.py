"""Admin for cadres and health workers."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet

from workforce.forms import HealthWorkerAdminForm
from workforce.models import Cadre, Facility, HealthWorker, Sex
from workforce.reads import Kind, personal_record_read
from workforce.selectors import health_worker_search
from workforce.viewsets.base import (
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedModelViewSet,
    directorates_in_scope,
    governorates_in_scope,
)
from workforce.viewsets.places import facility_chooser_viewset

__all__ = ["CadreViewSet", "HealthWorkerViewSet"]


# Cadres -----------------------------------------------------------------------------------------


class CadreViewSet(ModelViewSet):
    """Cadres are national reference data: every staff user lists them, national admins edit."""

    model = Cadre
    icon = "tag"
    list_display = ["name", "code", "cme_hours_per_cycle", "cycle_years"]
    list_export = ["code", "name_en", "name_ar", "name_ckb", "cme_hours_per_cycle", "cycle_years"]
    search_fields = ["name_en", "name_ar", "name_ckb", "code"]
    search_backend_name = None
    add_to_reference_index = False
    form_fields = [
        "code", "name_en", "name_ar", "name_ckb", "cme_hours_per_cycle", "cycle_years",
        "cycles_from_licence",
    ]  # fmt: skip
    copy_view_enabled = False


# Health workers ---------------------------------------------------------------------------------


class HealthWorkerFilterSet(WagtailFilterSet):
    governorate = django_filters.ModelChoiceFilter(
        label=_("governorate"), field_name="facility__governorate", queryset=governorates_in_scope
    )
    directorate = django_filters.ModelChoiceFilter(
        label=_("directorate"), field_name="facility__directorate", queryset=directorates_in_scope
    )
    facility_kind = django_filters.ChoiceFilter(
        label=_("facility kind"), field_name="facility__kind", choices=Facility.Kind.choices
    )
    cadre = django_filters.ModelChoiceFilter(label=_("cadre"), queryset=Cadre.objects.all())
    sex = django_filters.ChoiceFilter(label=_("sex"), choices=Sex.choices)
    has_account = django_filters.BooleanFilter(
        label=_("has a user account"), field_name="user", lookup_expr="isnull", exclude=True
    )
    is_active = django_filters.BooleanFilter(label=_("active"))
    is_verified = django_filters.BooleanFilter(label=_("verified"))
    is_external = django_filters.BooleanFilter(label=_("external participant"))

    class Meta:
        model = HealthWorker
        fields = []


class HealthWorkerIndexView(ScopedIndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return health_worker_search(queryset=queryset, query=self.search_query)


class NoteReadMixin:
    """Opening a person's record in the admin is noted in the log of reads."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        personal_record_read(reader=request.user, health_worker=self.object, kind=Kind.RECORD)
        return response


class HealthWorkerEditView(NoteReadMixin, ScopedEditView):
    pass


class HealthWorkerInspectView(NoteReadMixin, ScopedInspectView):
    pass


class HealthWorkerViewSet(ScopedModelViewSet):
    model = HealthWorker
    icon = "user"
    index_view_class = HealthWorkerIndexView
    edit_view_class = HealthWorkerEditView
    inspect_view_class = HealthWorkerInspectView
    list_display = [
        "name_latin",
        "name_ar",
        "cadre",
        "facility",
        "licence_number",
        Column("phone", label=_("phone")),
        BooleanColumn("is_verified", label=_("verified")),
        BooleanColumn("is_active", label=_("active")),
    ]
    list_export = [
        "name_ar",
        "name_latin",
        "licence_number",
        "national_id",
        "get_sex_display",
        "cadre.name_en",
        "facility.code",
        "facility.name_en",
        "facility.directorate.name_en",
        "facility.governorate.name_en",
        "phone",
        "email",
        "is_active",
        "left_on",
        "leaving_reason",
        "is_verified",
    ]
    export_headings = {
        "get_sex_display": _("sex"),
        "cadre.name_en": _("cadre"),
        "facility.code": _("facility code"),
        "facility.name_en": _("facility"),
        "facility.directorate.name_en": _("directorate"),
        "facility.governorate.name_en": _("governorate"),
    }
    export_filename = "health-workers"
    list_select_related = ("cadre", "facility", "facility__directorate", "facility__governorate")
    search_fields = ["name_latin"]  # searched through the normalised keys, see the index view
    filterset_class = HealthWorkerFilterSet
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["name_key", "name_latin_key", "name_skeleton"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name_ar"), FieldPanel("name_latin")], heading=_("Full name")
            ),
            FieldRowPanel([FieldPanel("licence_number"), FieldPanel("national_id")]),
            FieldPanel("licensed_on"),
            FieldRowPanel([FieldPanel("cadre"), FieldPanel("sex")]),
            FieldPanel("facility", widget=facility_chooser_viewset.widget_class),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldPanel("different_person"),
            MultiFieldPanel(
                [
                    FieldPanel("is_verified"),
                    FieldRowPanel([FieldPanel("left_on"), FieldPanel("leaving_reason")]),
                ],
                heading=_("Counted in coverage"),
            ),
        ],
        base_form_class=HealthWorkerAdminForm,
    )
