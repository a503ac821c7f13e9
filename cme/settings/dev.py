from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

DEBUG = True
SECRET_KEY = _SECRET_KEY or "dev-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["*"]
