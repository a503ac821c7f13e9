from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workforce import log_actions
from workforce.models import manages_roles
from workforce.viewsets import facility_chooser_viewset, workforce_viewset_group
from workforce.viewsets.reads import PersonalRecordReadsView


@hooks.register("register_admin_viewset")
def register_workforce_viewsets():
    return workforce_viewset_group()


@hooks.register("register_admin_viewset")
def register_facility_chooser():
    return facility_chooser_viewset


hooks.register("register_log_actions", log_actions.register)


class NationalAdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_roles(request.user)


@hooks.register("register_admin_urls")
def register_personal_record_reads_urls():
    view = PersonalRecordReadsView
    return [
        path("reports/personal-record-reads/", view.as_view(), name="personal_record_reads"),
        path(
            "reports/personal-record-reads/results/",
            view.as_view(results_only=True),
            name="personal_record_reads_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_personal_record_reads_menu_item():
    return NationalAdministratorMenuItem(
        _("Reads of personal records"),
        reverse("personal_record_reads"),
        name="personal-record-reads",
        icon_name="view",
        order=1100,
    )
