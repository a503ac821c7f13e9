"""Who may open the partner keys screen and which keys they reach (Wagtail's permission policy)."""

from workforce.viewsets.revoking import AdministratorsInScopePolicy

__all__ = ["PartnerKeyAdminPolicy"]


class PartnerKeyAdminPolicy(AdministratorsInScopePolicy):
    """Administrators list, add and revoke the keys of their scope; nobody edits or deletes."""

    actions = frozenset({"view", "add", "revoke"})
