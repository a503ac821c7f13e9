"""The DHIS2 admin: connections, their course × cadre mappings, and the push page.

Only national administrators and superusers (`workforce.authority.edits_reference_data`) see any
of it; to everyone else every URL answers 404 and the menu shows nothing. The token is
write-only: no list column, no form value, no inspect view ever holds it.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import BasePermissionPolicy

from interop.access import NationalOnly
from interop.forms import Dhis2ConnectionForm
from interop.models import Dhis2Connection, Dhis2Mapping
from interop.push_view import Dhis2PushView
from workforce.authority import edits_reference_data
from workforce.models import Role

__all__ = ["Dhis2AdminPolicy", "Dhis2ViewSetGroup"]


class Dhis2AdminPolicy(BasePermissionPolicy):
    """National administrators do everything with DHIS2 settings; nobody else anything."""

    def user_has_permission(self, user, action):
        return edits_reference_data(user)

    def users_with_any_permission(self, actions):
        national = Q(role_assignments__role=Role.ADMINISTRATOR, role_assignments__level="national")
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(Q(is_superuser=True) | national).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if edits_reference_data(user):
            return self.model.objects.all()
        return self.model.objects.none()


class IndexView(NationalOnly, generic.IndexView):
    pass


class CreateView(NationalOnly, generic.CreateView):
    pass


class EditView(NationalOnly, generic.EditView):
    pass


class DeleteView(NationalOnly, generic.DeleteView):
    """A connection that has pushes stays (their history), with a message instead of a 500."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("“%(record)s” has sent figures to DHIS2; its history keeps it.")
                % {"record": self.object},
            )
            return redirect(self.get_success_url())


class HistoryView(NationalOnly, history.HistoryView):
    pass


class UsageView(NationalOnly, usage.UsageView):
    pass


class ConnectionIndexView(IndexView):
    push_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        url = reverse(self.push_url_name, args=[instance.pk])
        buttons.append(Button(_("Send to DHIS2"), url=url, icon_name="upload", priority=5))
        return buttons


class NationalOnlyViewSet(ModelViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False


class Dhis2ConnectionViewSet(NationalOnlyViewSet):
    model = Dhis2Connection
    name = "dhis2-connections"
    icon = "link-external"
    menu_label = _("Connections")
    index_view_class = ConnectionIndexView
    list_display = [
        "name",
        Column("base_url", label=_("base URL")),
        Column("data_set", label=_("data set")),
        Column("governorate", label=_("governorate")),
        BooleanColumn("has_token", label=_("token stored")),
    ]

    def get_form_class(self, for_update=False):
        return Dhis2ConnectionForm

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(push_url_name=self.get_url_name("push"), **kwargs)

    @property
    def push_view(self):
        return Dhis2PushView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("push/<int:pk>/", self.push_view, name="push")]


class Dhis2MappingViewSet(NationalOnlyViewSet):
    model = Dhis2Mapping
    name = "dhis2-mappings"
    icon = "list-ul"
    menu_label = _("Data element mapping")
    form_fields = ["connection", "course", "cadre", "data_element", "category_option_combo"]
    list_display = ["connection", "course", "cadre", "data_element", "category_option_combo"]
    list_filter = ["connection"]


class Dhis2ViewSetGroup(ViewSetGroup):
    items = (Dhis2ConnectionViewSet, Dhis2MappingViewSet)
    menu_label = _("DHIS2")
    menu_icon = "link-external"
    menu_order = 270
