"""Admin for training providers: national reference data, read by all staff, edited nationally."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList

from workforce.models import Provider
from workforce.viewsets.base import ScopedModelViewSet

__all__ = ["ProviderViewSet"]


class ProviderFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Provider.Kind.choices)

    class Meta:
        model = Provider
        fields = []


class ProviderViewSet(ScopedModelViewSet):
    """Who may change a provider is ReferenceDataPermissionPolicy's answer: national admins."""

    model = Provider
    icon = "group"
    list_display = ["name", "name_ar", "name_ckb", "code", "kind"]
    list_export = ["code", "get_kind_display", "name_en", "name_ar", "name_ckb"]
    export_headings = {"get_kind_display": _("kind")}
    search_fields = ["name_en", "name_ar", "name_ckb", "code"]
    filterset_class = ProviderFilterSet
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
            MultiFieldPanel(
                [FieldPanel("name_en"), FieldPanel("name_ar"), FieldPanel("name_ckb")],
                heading=_("Name"),
            ),
            FieldPanel("logo"),
        ]
    )
