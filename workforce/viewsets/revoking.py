"""Admin screens of credentials that are revoked, never edited: enrolled phones, partner API keys.

One rule for both: superusers and administrators of any scope open the screen, and each row and
object URL goes through the model's `visible_to(user)`, so a record outside the administrator's
scope is missing from the list and answers 404 on its own URLs.
"""

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import BasePermissionPolicy

from workforce.models import Role
from workforce.viewsets.base import ScopedIndexView, ScopedObjectMixin

__all__ = ["AdministratorsInScopePolicy", "RevocableIndexView", "ScopedRevokeView", "administers"]


def administers(user) -> bool:
    """Whether the user may open such a screen: superusers and administrators of any scope."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.role_assignments.filter(role=Role.ADMINISTRATOR).exists()


class AdministratorsInScopePolicy(BasePermissionPolicy):
    """Administrators may do `actions` to the records `model.objects.visible_to` gives them."""

    actions: frozenset = frozenset({"view", "revoke"})

    def user_has_permission(self, user, action):
        return action in self.actions and administers(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self.model.objects.visible_to(user).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions & set(actions):
            return users.none()
        administrator = Q(role_assignments__role=Role.ADMINISTRATOR)
        return users.filter(Q(is_superuser=True) | administrator).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if not (self.actions & set(actions) and administers(user)):
            return self.model.objects.none()
        return self.model.objects.visible_to(user)


class ScopedRevokeView(ScopedObjectMixin, generic.DeleteView):
    """Wagtail's delete confirmation, reused to ask before a revoke; the subclass's POST revokes."""

    permission_required = "revoke"

    def get_usage_url(self):
        return None

    def get_usage(self):
        return None

    def get_delete_url(self):
        return reverse(self.delete_url_name, args=[quote(self.object.pk)])


class RevocableIndexView(ScopedIndexView):
    """The scoped list, with a Revoke button on each record not yet revoked."""

    revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.revoked_at is None:
            url = reverse(self.revoke_url_name, args=[quote(instance.pk)])
            buttons.append(Button(_("Revoke"), url=url, icon_name="cross", priority=30))
        return buttons
