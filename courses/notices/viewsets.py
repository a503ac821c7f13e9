"""Staff's read-only list of notices: who was told what, on which channel, and what became of it.

Rows and object URLs go through `Notice.objects.visible_to`: staff see the notices of the people
in their scope, and a notice outside it is missing from the list and answers 404 on its own URL.
Nobody adds, edits or deletes a notice here; they are written only by `courses.notices`.
"""

import django_filters

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies.base import BasePermissionPolicy

from courses.models import Notice
from workforce.viewsets.base import ScopedModelViewSet

__all__ = ["NoticeAdminPolicy", "NoticeViewSet"]


def _staff(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.role_assignments.exists()


class NoticeAdminPolicy(BasePermissionPolicy):
    """Staff of any role read the notices of the people they may see; nobody changes one."""

    def user_has_permission(self, user, action):
        return action == "view" and _staff(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return Notice.objects.visible_to(user).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(role_assignments__isnull=False)).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions or not _staff(user):
            return Notice.objects.none()
        return Notice.objects.visible_to(user)


class NoticeFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Notice.Kind.choices)
    channel = django_filters.ChoiceFilter(label=_("channel"), choices=Notice.Channel.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=Notice.Status.choices)

    class Meta:
        model = Notice
        fields = []


class NoticeViewSet(ScopedModelViewSet):
    model = Notice
    name = "notices"
    icon = "mail"
    menu_label = _("Notices")
    menu_order = 270
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("health_worker", label=capfirst(_("person"))),
        Column("kind", label=capfirst(_("kind")), accessor="get_kind_display"),
        Column("channel", label=capfirst(_("channel")), accessor="get_channel_display"),
        Column("language", label=capfirst(_("language"))),
        Column("status", label=capfirst(_("status")), accessor="get_status_display"),
        Column("attempts", label=capfirst(_("attempts"))),
        DateColumn("created_at", label=capfirst(_("created"))),
        DateColumn("sent_at", label=capfirst(_("sent"))),
    ]
    list_select_related = ("health_worker",)
    inspect_view_fields = [
        "health_worker",
        "kind",
        "channel",
        "language",
        "address",
        "status",
        "attempts",
        "error",
        "subject",
        "body",
        "created_at",
        "sent_at",
    ]
    search_fields = ["health_worker__name_latin", "health_worker__name_ar", "address"]
    filterset_class = NoticeFilterSet

    def get_urlpatterns(self):
        # The list and one notice: no add, edit, delete, copy or history.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
