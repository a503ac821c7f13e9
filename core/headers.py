"""Response headers: the Content-Security-Policy (django-csp) and no-store on personal files.

The site's pages run only scripts from our own static files (no inline script, no eval). Wagtail's
admin (/admin/) gets its own policy: Wagtail 8 still writes inline scripts and inline event
handlers in some of its own templates (and those of wagtail-localize), which we cannot move, so
there `script-src` also allows 'unsafe-inline'. The admin is used only by signed-in staff, and
everything else in its policy is as strict as the site's.
"""

from functools import lru_cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.cache import patch_cache_control

ADMIN_PREFIX = "/admin/"

# What django-csp's decorators set on a response to change its policy (csp.decorators).
_PER_RESPONSE = tuple(
    f"_csp_{kind}{suffix}" for kind in ("config", "update", "replace") for suffix in ("", "_ro")
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy for paths under /admin/.

    Every answer without a nonce or a decorator's change gets one of the two policies as they are,
    written once per process: django-csp copied and built the policy again for each answer, a
    quarter of the time of the site's cheapest answer (docs/benchmarks.md).
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts

    def process_response(self, request, response):
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, attribute) for attribute in _PER_RESPONSE)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        ):
            return super().process_response(request, response)
        # As django-csp does: debug pages keep their own inline code; an exempt or excluded
        # answer, or one that set its header itself, is left as it is.
        if response.status_code in (404, 500) and settings.DEBUG:
            return response
        excluded = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        ) or ()
        if (
            HEADER not in response
            and not getattr(response, "_csp_exempt", False)
            and not request.path_info.startswith(tuple(excluded))
        ):
            # get_policy_parts alone decides which of the two policies applies.
            admin = self.get_policy_parts(request, response).config is not None
            response[HEADER] = fixed_policy(admin=admin)
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


@lru_cache(maxsize=2)
def fixed_policy(*, admin: bool) -> str:
    """The site's (or the admin's) Content-Security-Policy header, as django-csp writes it."""
    config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"] if admin else None
    return build_policy(config=config)


@receiver(setting_changed)
def _policy_forget(*, setting, **kwargs) -> None:
    if setting in ("CONTENT_SECURITY_POLICY", "ADMIN_CONTENT_SECURITY_POLICY"):
        fixed_policy.cache_clear()


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
