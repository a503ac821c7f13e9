"""Who may change what in the registry's admin, beyond Django's model permissions."""

from django.utils.functional import cached_property

from wagtail.permission_policies.base import ModelPermissionPolicy

from workforce.authority import edits_reference_data

__all__ = ["ReferenceDataPermissionPolicy", "ReferenceDataViewSetMixin"]

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


class ReferenceDataViewSetMixin:
    """A viewset of reference data (cadres, governorates, directorates): national edits only."""

    @cached_property
    def permission_policy(self):
        return ReferenceDataPermissionPolicy(self.model)
