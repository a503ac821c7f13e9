from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access

from accounts import languages, signin
from accounts import views as accounts_views
from accounts.admin_language import account_view
from certificates import credential_views
from cme.api import api
from core.health import healthz
from workforce.history import ScopedLogEntriesView

# In place of Wagtail's own site history (matched first): scoped staff see their scope's entries.
site_history = require_admin_access(ScopedLogEntriesView.as_view())
site_history_results = require_admin_access(ScopedLogEntriesView.as_view(results_only=True))

urlpatterns = [
    # For load balancers and monitors: no language prefix, no login, no secrets (core/health.py).
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", languages.set_language, name="set_language"),
    # Wagtail's Account settings, but saving the language needs no name or email (before the admin).
    path("admin/account/", account_view, name="wagtailadmin_account"),
    path("admin/login/", signin.admin_login),
    path("admin/reports/site-history/", site_history),
    path("admin/reports/site-history/results/", site_history_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include("courses.handout_urls")),
    path("favicon.ico", accounts_views.favicon),
    # The versioned API, outside the language prefixes: it answers in the user's language.
    path("api/v1/", api.urls),
    # FHIR files for partner systems (iHRIS): no language prefix, like the API (docs/interop.md).
    path("interop/", include("interop.urls")),
    # Open Badges issuer identity (did:web) and status lists: URLs written into signed credentials.
    path(".well-known/did.json", credential_views.did_json, name="did-json"),
    path("credentials/", include("certificates.credential_urls")),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("accounts.urls")),
    path("learning/", include("courses.urls")),
    path("certificates/", include("certificates.urls")),
    path("verify/", include("certificates.verify_urls")),
    # What a certificate's QR code opens (identity.QR_PATH): short, in capitals, for a small code.
    path("V/", include("certificates.scan_urls")),
    path("coverage/", include("coverage.urls")),
    path("field/", include("field.urls")),
    # Under the page's prefix, so a job's messages are in the language of the page polling it.
    path("jobs/", include("core.jobs_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    # MEDIA_ROOT is the public storage only (images); handouts and every personal file live in
    # PRIVATE_MEDIA_ROOT, which no URL maps (see core/storage.py).
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
