"""The API's device-token authentication: a bearer token an enrolled phone sends."""

from ninja.security import HttpBearer

from django.utils import translation
from django.utils.translation import gettext as _

from accounts.selectors import preferred_language
from field import services


class DeviceRevoked(Exception):
    """The token belongs to a device that was revoked; answered 401 with the reason."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def user_language_activate(request, user) -> None:
    """Answer in the language the user chose, else in the request's (Accept-Language)."""
    # The API sits outside the language prefixes, where LocaleMiddleware ignores Accept-Language.
    chosen = preferred_language(user=user) or translation.get_language_from_request(request)
    translation.activate(chosen)
    request.LANGUAGE_CODE = chosen


class DeviceToken(HttpBearer):
    """An enrolled phone: the token's SHA-256 names the device; a revoked one is refused."""

    def authenticate(self, request, token):
        device = services.device_for_token(token)
        if device is None or not device.user.is_active:
            return None
        user_language_activate(request, device.user)
        if device.revoked_at is not None:
            raise DeviceRevoked(
                _("This phone was revoked: enrol it again from your “My phones” page.")
            )
        services.device_seen(device=device)
        request.user, request.device = device.user, device
        return device
