"""The Wagtail admin's list of pending registry-record claims, for administrators in scope."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import claims
from workforce.models import RoleAssignment


def may_review_claims(user) -> bool:
    """Administrators (of any scope) and superusers see the claims page."""
    return (
        user.is_superuser
        or RoleAssignment.objects.filter(user=user, role=claims.ADMINISTRATOR_ROLES[0]).exists()
    )


def claims_index(request: HttpRequest) -> HttpResponse:
    """Pending claims of workers in the administrator's scope."""
    if not may_review_claims(request.user):
        raise Http404
    return TemplateResponse(
        request,
        "accounts/admin/claims.html",
        {
            "claims": claims.record_claims_for_review(user=request.user),
            "page_title": _("Registry record claims"),
            "header_icon": "user",
        },
    )


@require_POST
def claim_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Approve (link the account to the record) or reject one pending claim."""
    approve = request.POST.get("decision") == "approve"
    try:
        claim = claims.record_claim_decide(claim_id=pk, approve=approve, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    if claim.status == claim.Status.APPROVED:
        messages.success(request, _("%(user)s is now linked to the record.") % {"user": claim.user})
    else:
        messages.success(request, _("The claim is rejected; the record is unchanged."))
    return redirect("accounts_claims")
