"""Wagtail admin for the workforce registry; `wagtail_hooks.py` registers `workforce_viewset_group`.

Every list, search, export and object view reads through `visible_to(request.user)`: a record
outside the user's scope is missing from lists and exports and answers 404 on its own URLs.
Filters offer only places inside the scope. Django model permissions (given by the role groups,
see `workforce.permissions`) decide whether a user may view, add, change or delete at all.
"""

import django_filters

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import chooser, history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from workforce.forms import HealthWorkerAdminForm
from workforce.models import (
    Cadre,
    Directorate,
    Facility,
    Governorate,
    HealthWorker,
    Region,
    Role,
    RoleAssignment,
    ScopeLevel,
    Sex,
    manages_roles,
)
from workforce.selectors import facility_search, health_worker_search
from workforce.services import role_assign, role_groups_refresh, role_unassign


def _visible(model, request):
    return model.objects.visible_to(request.user)


def _governorates(request):
    return _visible(Governorate, request)


def _directorates(request):
    return _visible(Directorate, request).select_related("governorate")


# Views ------------------------------------------------------------------------------------------


class ScopedIndexView(generic.IndexView):
    """Lists, searches and exports only what the user may see."""

    list_select_related: tuple[str, ...] = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset().visible_to(self.request.user)
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset


class ScopedObjectMixin:
    """An object outside the user's scope is not found, before any permission is checked."""

    def dispatch(self, request, *args, **kwargs):
        pk = unquote(str(self.kwargs.get(self.pk_url_kwarg, "")))
        try:
            found = self.model.objects.visible_to(request.user).filter(pk=pk).exists()
        except (ValueError, ValidationError):
            found = False
        if not found:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.model.objects.visible_to(self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    search_backend_name = None  # plain database lookups over the fields named in search_fields
    list_per_page = 50
    # Nothing links to registry rows from rich text or StreamFields; indexing them would add a
    # query per row to every delete (a reset of the national data set deletes 250,000).
    add_to_reference_index = False
    list_select_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_select_related=self.list_select_related, **kwargs)


# Facility chooser -------------------------------------------------------------------------------


class FacilitySearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Search"), required=False)

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = facility_search(queryset=objects, query=query)
        return objects


class ScopedFacilityListMixin:
    filter_form_class = FacilitySearchForm

    def get_object_list(self):
        return Facility.objects.visible_to(self.request.user).select_related("governorate")


class FacilityChooseView(ScopedFacilityListMixin, chooser.ChooseView):
    pass


class FacilityChooseResultsView(ScopedFacilityListMixin, chooser.ChooseResultsView):
    pass


class ScopedChosenView(chooser.ChosenView):
    def get_object(self, pk):
        return self.model_class.objects.visible_to(self.request.user).get(pk=pk)


class ScopedChosenMultipleView(chooser.ChosenMultipleView):
    def get_objects(self, pks):
        return self.model_class.objects.visible_to(self.request.user).filter(pk__in=pks)


class FacilityChooserViewSet(ChooserViewSet):
    """Picking one of thousands of facilities by searching, among those in the user's scope."""

    model = Facility
    icon = "home"
    choose_one_text = _("Choose a facility")
    choose_another_text = _("Choose another facility")
    choose_view_class = FacilityChooseView
    choose_results_view_class = FacilityChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    per_page = 20


facility_chooser_viewset = FacilityChooserViewSet("facility_chooser")


# Governorates and directorates ------------------------------------------------------------------


class GovernorateFilterSet(WagtailFilterSet):
    region = django_filters.ChoiceFilter(label=_("region"), choices=Region.choices)

    class Meta:
        model = Governorate
        fields = []


class GovernorateViewSet(ScopedModelViewSet):
    model = Governorate
    icon = "site"
    list_display = ["name", "name_ar", "name_ckb", "code", "region"]
    list_export = ["code", "iso_3166_2", "region", "name_en", "name_ar", "name_ckb"]
    search_fields = ["name_en", "name_ar", "name_ckb", "code"]
    filterset_class = GovernorateFilterSet
    form_fields = ["code", "iso_3166_2", "region", "name_en", "name_ar", "name_ckb"]
    copy_view_enabled = False


class DirectorateFilterSet(WagtailFilterSet):
    governorate = django_filters.ModelChoiceFilter(label=_("governorate"), queryset=_governorates)

    class Meta:
        model = Directorate
        fields = []


class DirectorateViewSet(ScopedModelViewSet):
    model = Directorate
    icon = "folder-open-inverse"
    list_display = ["name", "name_ar", "name_ckb", "code", "governorate"]
    list_export = ["code", "governorate.name_en", "name_en", "name_ar", "name_ckb"]
    export_headings = {"governorate.name_en": _("governorate")}
    list_select_related = ("governorate",)
    search_fields = ["name_en", "name_ar", "name_ckb", "code"]
    filterset_class = DirectorateFilterSet
    form_fields = ["code", "governorate", "name_en", "name_ar", "name_ckb"]
    copy_view_enabled = False


# Facilities -------------------------------------------------------------------------------------


class FacilityFilterSet(WagtailFilterSet):
    governorate = django_filters.ModelChoiceFilter(label=_("governorate"), queryset=_governorates)
    directorate = django_filters.ModelChoiceFilter(label=_("directorate"), queryset=_directorates)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Facility.Kind.choices)
    is_active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = Facility
        fields = []


class FacilityAdminForm(WagtailAdminModelForm):
    """Directorates offered are those in scope; the governorate follows the directorate."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            self.fields["directorate"].queryset = Directorate.objects.visible_to(self.for_user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("directorate"):
            self.instance.governorate = cleaned["directorate"].governorate
        return cleaned


class FacilityIndexView(ScopedIndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return facility_search(queryset=queryset, query=self.search_query)


class FacilityViewSet(ScopedModelViewSet):
    model = Facility
    icon = "home"
    index_view_class = FacilityIndexView
    list_display = ["name", "code", "kind", "directorate", "governorate", "is_active"]
    list_export = [
        "code",
        "name_en",
        "name_ar",
        "name_ckb",
        "kind",
        "directorate.name_en",
        "governorate.name_en",
        "beds",
        "is_active",
    ]
    export_headings = {
        "directorate.name_en": _("directorate"),
        "governorate.name_en": _("governorate"),
    }
    list_select_related = ("directorate", "governorate")
    search_fields = ["search_key"]  # searched through the normalised key, see the index view
    filterset_class = FacilityFilterSet
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
            FieldPanel("directorate"),
            MultiFieldPanel(
                [FieldPanel("name_en"), FieldPanel("name_ar"), FieldPanel("name_ckb")],
                heading=_("Name"),
            ),
            FieldRowPanel([FieldPanel("beds"), FieldPanel("is_active")]),
        ],
        base_form_class=FacilityAdminForm,
    )


# Cadres -----------------------------------------------------------------------------------------


class CadreViewSet(ModelViewSet):
    """Cadres are national reference data: every staff user may list them."""

    model = Cadre
    icon = "tag"
    list_display = ["name", "code", "cme_hours_per_cycle", "cycle_years"]
    list_export = ["code", "name_en", "name_ar", "name_ckb", "cme_hours_per_cycle", "cycle_years"]
    search_fields = ["name_en", "name_ar", "name_ckb", "code"]
    search_backend_name = None
    add_to_reference_index = False
    form_fields = ["code", "name_en", "name_ar", "name_ckb", "cme_hours_per_cycle", "cycle_years"]
    copy_view_enabled = False


# Health workers ---------------------------------------------------------------------------------


class HealthWorkerFilterSet(WagtailFilterSet):
    governorate = django_filters.ModelChoiceFilter(
        label=_("governorate"), field_name="facility__governorate", queryset=_governorates
    )
    directorate = django_filters.ModelChoiceFilter(
        label=_("directorate"), field_name="facility__directorate", queryset=_directorates
    )
    facility_kind = django_filters.ChoiceFilter(
        label=_("facility kind"), field_name="facility__kind", choices=Facility.Kind.choices
    )
    cadre = django_filters.ModelChoiceFilter(label=_("cadre"), queryset=Cadre.objects.all())
    sex = django_filters.ChoiceFilter(label=_("sex"), choices=Sex.choices)
    has_account = django_filters.BooleanFilter(
        label=_("has a user account"), field_name="user", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = HealthWorker
        fields = []


class HealthWorkerIndexView(ScopedIndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return health_worker_search(queryset=queryset, query=self.search_query)


class HealthWorkerViewSet(ScopedModelViewSet):
    model = HealthWorker
    icon = "user"
    index_view_class = HealthWorkerIndexView
    list_display = [
        "name_latin",
        "name_ar",
        "cadre",
        "facility",
        "licence_number",
        Column("phone", label=_("phone")),
    ]
    list_export = [
        "name_ar",
        "name_latin",
        "licence_number",
        "national_id",
        "sex",
        "cadre.name_en",
        "facility.code",
        "facility.name_en",
        "facility.directorate.name_en",
        "facility.governorate.name_en",
        "phone",
        "email",
    ]
    export_headings = {
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
    inspect_view_fields_exclude = ["name_key", "name_latin_key"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("name_ar"), FieldPanel("name_latin")], heading=_("Full name")
            ),
            FieldRowPanel([FieldPanel("licence_number"), FieldPanel("national_id")]),
            FieldRowPanel([FieldPanel("cadre"), FieldPanel("sex")]),
            FieldPanel("facility", widget=facility_chooser_viewset.widget_class),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldPanel("different_person"),
        ],
        base_form_class=HealthWorkerAdminForm,
    )


# Role assignments -------------------------------------------------------------------------------


class RoleAssignmentFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(label=_("role"), choices=Role.choices)
    level = django_filters.ChoiceFilter(label=_("scope"), choices=ScopeLevel.choices)

    class Meta:
        model = RoleAssignment
        fields = []


class RoleAssignmentCreateView(generic.CreateView):
    """Only national administrators and superusers hand out roles, through `role_assign`."""

    def dispatch(self, request, *args, **kwargs):
        if not manages_roles(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        data = self.form.cleaned_data
        return role_assign(
            user=data["user"],
            role=data["role"],
            level=data["level"],
            region=data.get("region") or "",
            governorate=data.get("governorate"),
            directorate=data.get("directorate"),
            facility=data.get("facility"),
        )


class RoleAssignmentEditView(ScopedEditView):
    def save_instance(self):
        previous_user = RoleAssignment.objects.get(pk=self.object.pk).user
        instance = super().save_instance()
        role_groups_refresh(user=instance.user)
        if previous_user != instance.user:
            role_groups_refresh(user=previous_user)
        return instance


class RoleAssignmentDeleteView(ScopedDeleteView):
    def delete_action(self):
        role_unassign(assignment=self.object)


class RoleAssignmentViewSet(ScopedModelViewSet):
    model = RoleAssignment
    icon = "key"
    add_view_class = RoleAssignmentCreateView
    edit_view_class = RoleAssignmentEditView
    delete_view_class = RoleAssignmentDeleteView
    list_display = ["user", "role", "level", Column("scope_label", label=_("place"))]
    list_export = ["user.username", "role", "level", "scope_label"]
    export_headings = {"user.username": _("user"), "scope_label": _("place")}
    list_select_related = ("user", "governorate", "directorate", "facility")
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    filterset_class = RoleAssignmentFilterSet
    form_fields = ["user", "role", "level", "region", "governorate", "directorate", "facility"]
    copy_view_enabled = False


class WorkforceViewSetGroup(ViewSetGroup):
    menu_label = _("Workforce registry")
    menu_icon = "group"
    menu_order = 150
    items = (
        HealthWorkerViewSet("health_workers"),
        FacilityViewSet("facilities"),
        DirectorateViewSet("directorates"),
        GovernorateViewSet("governorates"),
        CadreViewSet("cadres"),
        RoleAssignmentViewSet("role_assignments"),
    )


def workforce_viewset_group() -> WorkforceViewSetGroup:
    return WorkforceViewSetGroup()
