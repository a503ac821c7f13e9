"""What interop adds to Wagtail's admin: the DHIS2 connections, mappings and push page."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from interop.models import Dhis2Connection, Dhis2Mapping
from interop.viewsets import Dhis2AdminPolicy, Dhis2ViewSetGroup

register_permission_policy(Dhis2Connection, Dhis2AdminPolicy(Dhis2Connection))
register_permission_policy(Dhis2Mapping, Dhis2AdminPolicy(Dhis2Mapping))


@hooks.register("register_admin_viewset")
def register_dhis2_viewsets():
    return Dhis2ViewSetGroup()
