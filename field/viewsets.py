"""Administrators' listing of enrolled phones, with a Revoke action and no add or edit.

A phone is enrolled only by the QR code its trainer shows (`/field/devices/`), so the admin never
makes or changes a token. Rows and object URLs go through `Device.objects.visible_to`, the same
rule `field.services.device_revoke` applies: a phone outside the administrator's scope is missing
from the list and answers 404 on its own URLs.
"""

import django_filters

from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn

from field import services
from field.models import Device
from workforce.viewsets.base import ScopedModelViewSet
from workforce.viewsets.revoking import (
    AdministratorsInScopePolicy,
    RevocableIndexView,
    ScopedRevokeView,
)

__all__ = ["DeviceAdminPolicy", "DeviceViewSet"]


class DeviceAdminPolicy(AdministratorsInScopePolicy):
    """Administrators list and revoke the phones they may see; nobody adds, edits or deletes."""

    actions = frozenset({"view", "revoke"})


class DeviceFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"),
        choices=[("active", _("in use")), ("revoked", _("revoked"))],
        method="filter_state",
        empty_label=_("all"),
    )

    class Meta:
        model = Device
        fields = []

    def filter_state(self, queryset, name, value):
        return queryset.filter(revoked_at__isnull=value == "active")


class TokenPrefixColumn(Column):
    """The token's first characters, a Latin code kept left to right in an Arabic page."""

    cell_template_name = "field/admin/token_prefix_cell.html"


def _trainer(device) -> str:
    return device.user.get_full_name() or device.user.get_username()


class DeviceIndexView(RevocableIndexView):
    page_title = _("Enrolled phones")


class DeviceRevokeView(ScopedRevokeView):
    """Asks first; on POST revokes through `field.services.device_revoke`, never deletes."""

    template_name = "field/admin/confirm_revoke.html"
    page_title = _("Revoke a phone")

    @property
    def confirmation_message(self):
        return _(
            "Revoke this phone of %(trainer)s? Its next call to the server is refused, and the "
            "trainer enrols it again with a new code."
        ) % {"trainer": self.object.user.get_full_name() or self.object.user.get_username()}

    def get_success_message(self):
        return _("Phone “%(name)s” revoked.") % {"name": self.object.name}

    def delete_action(self):
        services.device_revoke(device=self.object, user=self.request.user)


class DeviceViewSet(ScopedModelViewSet):
    model = Device
    name = "devices"
    icon = "mobile-alt"
    menu_label = _("Enrolled phones")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = DeviceIndexView
    delete_view_class = DeviceRevokeView
    copy_view_enabled = False
    list_display = [
        "name",
        Column("trainer", label=capfirst(_("trainer")), accessor=_trainer),
        TokenPrefixColumn("token_prefix", label=capfirst(_("token prefix"))),
        DateColumn("created_at", label=capfirst(_("enrolled"))),
        DateColumn("last_seen_at", label=capfirst(_("last seen"))),
        StatusTagColumn(
            "revoked_label",
            label=capfirst(_("state")),
            primary=lambda device: device.revoked_at is None,
        ),
    ]
    list_select_related = ("user",)
    search_fields = ["name", "user__username", "user__first_name", "user__last_name"]
    filterset_class = DeviceFilterSet

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(delete_url_name=self.get_url_name("revoke"), **kwargs)

    def get_urlpatterns(self):
        # Only the list and the revoke action: no add, edit, delete, copy or history of tokens.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("revoke/<uuid:pk>/", self.delete_view, name="revoke"),
        ]
