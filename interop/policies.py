"""Who may open the partner keys screen and which keys they reach (Wagtail's permission policy)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies.base import BasePermissionPolicy

from interop.models import PartnerKey
from workforce.models import Role

__all__ = ["PartnerKeyAdminPolicy", "administers"]


def administers(user) -> bool:
    """Whether the user may open the keys screen: superusers and administrators of any scope."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.role_assignments.filter(role=Role.ADMINISTRATOR).exists()


class PartnerKeyAdminPolicy(BasePermissionPolicy):
    """Administrators list, add and revoke the keys of their scope; nobody edits or deletes."""

    actions = frozenset({"view", "add", "revoke"})

    def user_has_permission(self, user, action):
        return action in self.actions and administers(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return PartnerKey.objects.visible_to(user).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions & set(actions):
            return users.none()
        administrator = Q(role_assignments__role=Role.ADMINISTRATOR)
        return users.filter(Q(is_superuser=True) | administrator).distinct()

    def instances_user_has_any_permission_for(self, user, actions):
        if not (self.actions & set(actions) and administers(user)):
            return PartnerKey.objects.none()
        return PartnerKey.objects.visible_to(user)
