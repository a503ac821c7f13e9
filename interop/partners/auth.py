"""The partner routers' authentication: an organisation's key in the `X-API-Key` header."""

from ninja.security import APIKeyHeader

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from interop.partners import services


class PartnerKeyRefused(Exception):
    """No key, an unknown, expired or revoked one: answered 401 with the reason."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class PartnerApiKey(APIKeyHeader):
    """A partner organisation's key; accepted by the partner routers only, never by the others."""

    param_name = "X-API-Key"

    def authenticate(self, request, key):
        # Partners' systems say their language with Accept-Language; /api/ has no prefix.
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        found = services.partner_key_for_secret(key) if key else None
        if found is None or not found.account.is_active:
            raise PartnerKeyRefused(
                _("Send your organisation's API key in the X-API-Key header.")
                if not key
                else _("This API key is not known: check it, or ask the ministry for a new one.")
            )
        if found.revoked_at is not None:
            raise PartnerKeyRefused(_("This API key was revoked: ask the ministry for a new one."))
        if found.expires_at <= timezone.now():
            raise PartnerKeyRefused(_("This API key has expired: ask the ministry for a new one."))
        services.partner_key_used(key=found)
        request.user, request.partner_key = found.account, found
        return found
