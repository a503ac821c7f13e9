from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workforce import log_actions
from workforce.merging.views import DuplicatesView, MergeRecordView, MergeView
from workforce.models import manages_roles
from workforce.viewsets import facility_chooser_viewset, workforce_viewset_group
from workforce.viewsets.reads import PersonalRecordReadsView
from workforce.viewsets.revoking import administers


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


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return administers(request.user)


@hooks.register("register_admin_urls")
def register_merging_urls():
    return [
        path("duplicates/", DuplicatesView.as_view(), name="health_worker_duplicates"),
        path(
            "duplicates/merge/<int:survivor>/<int:merged>/",
            MergeView.as_view(),
            name="health_worker_merge",
        ),
        path(
            "duplicates/merges/<int:pk>/",
            MergeRecordView.as_view(),
            name="health_worker_merge_record",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_duplicates_menu_item():
    return AdministratorMenuItem(
        _("Duplicate records"),
        reverse("health_worker_duplicates"),
        name="health-worker-duplicates",
        icon_name="group",
        order=151,
    )
