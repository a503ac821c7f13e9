"""The one versioned API under /api/v1/: each app's router, device tokens or the session."""

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import django_auth
from ninja.throttling import AuthRateThrottle

from django.http import HttpRequest

from certificates.api import router as certificates_router
from core.api_errors import readable_errors
from courses.api import router as courses_router
from field.api import router as field_router
from field.auth import DeviceRevoked, DeviceToken, user_language_activate
from interop.partners.api import router as partners_router
from interop.partners.auth import PartnerKeyRefused
from workforce.api import router as workforce_router


class PerCallerThrottle(AuthRateThrottle):
    """The "auth" rate per device or signed-in user, keyed by its id (names can repeat)."""

    def get_cache_key(self, request: HttpRequest) -> str:
        auth = getattr(request, "auth", None)
        ident = f"{type(auth).__name__}-{auth.pk}" if auth is not None else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


api = NinjaAPI(
    title="CME tracker",
    version="1",
    urls_namespace="api-v1",
    auth=[DeviceToken(), django_auth],
    docs_url="/docs",
    openapi_url="/openapi.json",
    throttle=[PerCallerThrottle()],
)
api.add_router("/field/", field_router)
api.add_router("/workforce/", workforce_router)
api.add_router("/courses/", courses_router)
api.add_router("/certificates/", certificates_router)
# Partner keys authenticate here only: the router sets its own auth, the others keep the above.
api.add_router("/partners/", partners_router)


@api.exception_handler(DeviceRevoked)
def device_revoked(request: HttpRequest, exc: DeviceRevoked):
    return api.create_response(request, {"detail": exc.message}, status=401)


@api.exception_handler(PartnerKeyRefused)
def partner_key_refused(request: HttpRequest, exc: PartnerKeyRefused):
    return api.create_response(request, {"detail": exc.message}, status=401)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: AuthenticationError):
    from django.utils import translation
    from django.utils.translation import gettext as _

    translation.activate(translation.get_language_from_request(request))
    return api.create_response(
        request, {"detail": _("Sign in, or send an enrolled phone's token.")}, status=401
    )


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, exc: ValidationError):
    # The caller's chosen language (a phone's trainer, a signed-in person), else the header's:
    # LocaleMiddleware leaves unprefixed URLs such as /api/ in English.
    caller = getattr(getattr(request, "auth", None), "user", None) or request.user
    user_language_activate(request, caller)
    return api.create_response(request, {"detail": readable_errors(exc.errors)}, status=422)
