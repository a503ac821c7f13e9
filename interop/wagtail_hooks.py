"""What interop adds to Wagtail's admin: the DHIS2 connections, mappings and push page, and the
partner API keys."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from interop.models import Dhis2Connection, Dhis2Mapping, PartnerKey
from interop.partners.viewsets import PartnerKeyViewSet
from interop.policies import PartnerKeyAdminPolicy
from interop.viewsets import Dhis2AdminPolicy, Dhis2ViewSetGroup

register_permission_policy(Dhis2Connection, Dhis2AdminPolicy(Dhis2Connection))
register_permission_policy(Dhis2Mapping, Dhis2AdminPolicy(Dhis2Mapping))
register_permission_policy(PartnerKey, PartnerKeyAdminPolicy(PartnerKey))


@hooks.register("register_admin_viewset")
def register_dhis2_viewsets():
    return Dhis2ViewSetGroup()


@hooks.register("register_admin_viewset")
def register_partner_key_viewset():
    return PartnerKeyViewSet()
