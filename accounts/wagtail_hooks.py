from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import admin_views


class ClaimsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_review_claims(request.user)


@hooks.register("register_admin_urls")
def register_claims_urls():
    return [
        path("record-claims/", admin_views.claims_index, name="accounts_claims"),
        path(
            "record-claims/<int:pk>/decide/",
            admin_views.claim_decide,
            name="accounts_claim_decide",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_claims_menu_item():
    return ClaimsMenuItem(
        _("Record claims"), reverse("accounts_claims"), icon_name="user", order=850
    )
