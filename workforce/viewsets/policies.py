"""Who may change what in the registry's admin, beyond Django's model permissions."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from workforce.authority import edits_reference_data
from workforce.models import manages_roles

__all__ = ["ReferenceDataPermissionPolicy", "RoleAssignmentPermissionPolicy"]

CHANGES = {"add", "change", "delete"}


class ReferenceDataPermissionPolicy(ModelPermissionPolicy):
    """Staff with the view permission read reference data; national administrators change it."""

    def user_has_permission(self, user, action):
        if action in CHANGES and not edits_reference_data(user):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if set(actions) <= CHANGES:
            return [user for user in users if edits_reference_data(user)]
        return users


class RoleAssignmentPermissionPolicy(ModelPermissionPolicy):
    """Role assignments are seen and handed out by national administrators and superusers only."""

    def user_has_permission(self, user, action):
        return manages_roles(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return [user for user in super().users_with_any_permission(actions) if manages_roles(user)]
