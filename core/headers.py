"""Response headers: the Content-Security-Policy (django-csp) and no-store on personal files.

The site's pages run only scripts from our own static files (no inline script, no eval). Wagtail's
admin (/admin/) gets its own policy: Wagtail 8 still writes inline scripts and inline event
handlers in some of its own templates (and those of wagtail-localize), which we cannot move, so
there `script-src` also allows 'unsafe-inline'. The admin is used only by signed-in staff, and
everything else in its policy is as strict as the site's.
"""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.utils.cache import patch_cache_control

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy for paths under /admin/."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


# Files the site writes for a person: certificates, transcripts, sign-in sheets, exports, packs,
# evidence, handouts, the check-in QR. Static files never reach this (WhiteNoise answers first).
FILE_CONTENT_TYPES = (
    "application/pdf",
    "application/zip",
    "application/octet-stream",
    "application/vnd.openxmlformats",
    "application/vnd.ms-excel",
    "text/csv",
    "image/svg+xml",
)


def is_file_response(response) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return "Content-Disposition" in response or content_type.startswith(FILE_CONTENT_TYPES)


class PrivateFilesNoStoreMiddleware:
    """Every file the site hands out is `Cache-Control: private, no-store` (no shared or disk copy).

    A view that means its file to be cached says so with its own Cache-Control (the favicon).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_file_response(response) and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response
