"""What the exchange app adds to Wagtail's admin: the partner API keys."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from interop.models import PartnerKey
from interop.policies import PartnerKeyAdminPolicy
from interop.viewsets import PartnerKeyViewSet

register_permission_policy(PartnerKey, PartnerKeyAdminPolicy(PartnerKey))


@hooks.register("register_admin_viewset")
def register_partner_key_viewset():
    return PartnerKeyViewSet()
