import os

from .base import *  # noqa: F403
from .base import VAR_DIR

SECRET_KEY = "test-only-not-secret-" + "x" * 40  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "core.sms.LocmemBackend"
# Tests run tasks in-process unless a real worker is under test (the `services` tests).
CELERY_TASK_ALWAYS_EAGER = os.environ.get("CELERY_TASK_ALWAYS_EAGER", "1") == "1"
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "public": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    },
    "private": {
        "BACKEND": "core.storage.PrivateStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
AXES_ENABLED = os.environ.get("AXES_ENABLED", "1") == "1"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Tests run tasks in this process, so one memory is the shared cache: answers are remembered as in
# production, and the tests see that a change to a certificate is never answered from before it.
CERTIFICATE_VERIFY_CACHE_SECONDS = 120
