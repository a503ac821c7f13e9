"""What the field app adds to Wagtail's admin and to lower apps' pages (header, My learning)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from field import services
from field.cards import my_learning_card
from field.models import Device
from field.viewsets import DeviceAdminPolicy, DeviceViewSet

register_permission_policy(Device, DeviceAdminPolicy(Device))
hooks.register("courses_my_learning_sections", my_learning_card, order=5)


@hooks.register("register_admin_viewset")
def register_device_viewset():
    return DeviceViewSet()


@hooks.register("accounts_site_links", order=10)
def my_phones_link(request):
    """The header's link to My phones, for those who may enrol a phone."""
    if not services.may_enrol(request.user):
        return None
    return {"url": reverse("field:devices"), "label": _("My phones")}
