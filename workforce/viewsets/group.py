"""The "Workforce registry" menu that groups the registry's viewsets."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSetGroup

from workforce.viewsets.people import CadreViewSet, HealthWorkerViewSet
from workforce.viewsets.places import DirectorateViewSet, FacilityViewSet, GovernorateViewSet
from workforce.viewsets.providers import ProviderViewSet
from workforce.viewsets.roles import RoleAssignmentViewSet

__all__ = ["WorkforceViewSetGroup", "workforce_viewset_group"]


class WorkforceViewSetGroup(ViewSetGroup):
    menu_label = _("Workforce registry")
    menu_icon = "group"
    menu_order = 150
    items = (
        HealthWorkerViewSet("health_workers"),
        FacilityViewSet("facilities"),
        DirectorateViewSet("directorates"),
        GovernorateViewSet("governorates"),
        CadreViewSet("cadres"),
        ProviderViewSet("providers"),
        RoleAssignmentViewSet("role_assignments"),
    )


def workforce_viewset_group() -> WorkforceViewSetGroup:
    return WorkforceViewSetGroup()
