from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.models import BaseViewRestriction
from wagtail.permissions import register_permission_policy

from courses import log_actions
from courses.models import Notice
from courses.notices.viewsets import NoticeAdminPolicy, NoticeViewSet


@hooks.register("before_serve_document", order=-1)
def refuse_restricted_handout_to_signed_in_outsiders(document, request):
    """A signed-in reader outside a handout's groups gets 404, as for any record they may not see.

    Anonymous readers still go through Wagtail's own check, which sends them to log in.
    """
    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.GROUPS and not (
            restriction.accept_request(request)
        ):
            raise Http404
    return None


@hooks.register("insert_global_admin_css")
def admin_titles_keep_their_own_direction():
    """The admin stylesheet that cuts long titles at their end in the right-to-left admin."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


hooks.register("register_log_actions", log_actions.register)


register_permission_policy(Notice, NoticeAdminPolicy(Notice))


@hooks.register("register_admin_viewset")
def register_notice_viewset():
    return NoticeViewSet()
