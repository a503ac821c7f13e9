from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = _("Workforce registry")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from workforce.authority import REFERENCE_MODELS
        from workforce.models import RoleAssignment
        from workforce.viewsets.policies import (
            ReferenceDataPermissionPolicy,
            RoleAssignmentPermissionPolicy,
        )

        # Before any viewset asks: every admin view and chooser of these models uses these.
        for model in REFERENCE_MODELS:
            register_permission_policy(model, ReferenceDataPermissionPolicy(model))
        register_permission_policy(RoleAssignment, RoleAssignmentPermissionPolicy(RoleAssignment))
