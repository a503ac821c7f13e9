"""Wagtail admin for the workforce registry; `wagtail_hooks.py` registers `workforce_viewset_group`.

Every list, search, export and object view reads through `visible_to(request.user)`: a record
outside the user's scope is missing from lists and exports and answers 404 on its own URLs.
Filters offer only places inside the scope. Django model permissions (given by the role groups,
see `workforce.permissions`) decide whether a user may view, add, change or delete at all.
"""

from workforce.viewsets.base import (
    ScopedCopyView,
    ScopedDeleteView,
    ScopedEditView,
    ScopedHistoryView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedModelViewSet,
    ScopedObjectMixin,
    ScopedUsageView,
)
from workforce.viewsets.group import WorkforceViewSetGroup, workforce_viewset_group
from workforce.viewsets.people import CadreViewSet, HealthWorkerViewSet
from workforce.viewsets.places import (
    DirectorateViewSet,
    FacilityChooserViewSet,
    FacilityViewSet,
    GovernorateViewSet,
    facility_chooser_viewset,
)
from workforce.viewsets.providers import ProviderViewSet
from workforce.viewsets.roles import RoleAssignmentViewSet

__all__ = [
    "CadreViewSet",
    "DirectorateViewSet",
    "FacilityChooserViewSet",
    "FacilityViewSet",
    "GovernorateViewSet",
    "HealthWorkerViewSet",
    "ProviderViewSet",
    "RoleAssignmentViewSet",
    "ScopedCopyView",
    "ScopedDeleteView",
    "ScopedEditView",
    "ScopedHistoryView",
    "ScopedIndexView",
    "ScopedInspectView",
    "ScopedModelViewSet",
    "ScopedObjectMixin",
    "ScopedUsageView",
    "WorkforceViewSetGroup",
    "facility_chooser_viewset",
    "workforce_viewset_group",
]
