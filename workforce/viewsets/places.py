"""Admin for governorates, directorates and facilities, and the facility chooser."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import chooser
from wagtail.admin.viewsets.chooser import ChooserViewSet

from workforce.models import Directorate, Facility, Governorate, Region
from workforce.selectors import facility_search
from workforce.viewsets.base import (
    ScopedIndexView,
    ScopedModelViewSet,
    directorates_in_scope,
    governorates_in_scope,
)

__all__ = [
    "DirectorateViewSet",
    "FacilityChooserViewSet",
    "FacilityViewSet",
    "GovernorateViewSet",
    "facility_chooser_viewset",
]


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
    # Wagtail's default is translated once, in English, when its module loads.
    edit_item_text = _("Edit this facility")
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
    """Governorates and their region are reference data: national administrators edit them."""

    model = Governorate
    icon = "site"
    list_display = ["name", "name_ar", "name_ckb", "code", "region"]
    list_export = ["code", "iso_3166_2", "get_region_display", "name_en", "name_ar", "name_ckb"]
    export_headings = {"get_region_display": _("region")}
    search_fields = ["name_en", "name_ar", "name_ckb", "code"]
    filterset_class = GovernorateFilterSet
    form_fields = ["code", "iso_3166_2", "region", "name_en", "name_ar", "name_ckb"]
    copy_view_enabled = False


class DirectorateFilterSet(WagtailFilterSet):
    governorate = django_filters.ModelChoiceFilter(
        label=_("governorate"), queryset=governorates_in_scope
    )

    class Meta:
        model = Directorate
        fields = []


class DirectorateViewSet(ScopedModelViewSet):
    """Directorates and their governorate are reference data: national administrators edit them."""

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
    governorate = django_filters.ModelChoiceFilter(
        label=_("governorate"), queryset=governorates_in_scope
    )
    directorate = django_filters.ModelChoiceFilter(
        label=_("directorate"), queryset=directorates_in_scope
    )
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
        "get_kind_display",
        "directorate.name_en",
        "governorate.name_en",
        "beds",
        "is_active",
    ]
    export_headings = {
        "get_kind_display": _("kind"),
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
