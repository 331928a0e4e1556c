"""Production settings: everything secret or site-specific must come from the environment.

Start with DJANGO_SETTINGS_MODULE=chefsguider.settings.production and at least SECRET_KEY,
ALLOWED_HOSTS, DATABASE_URL and CHEFSGUIDER_BASE_URL set, and REDIS_URL when more than one process
serves the site (WEB_CONCURRENCY > 1; gunicorn.conf.py sets it from gunicorn's --workers).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from chefsguider.settings.base import *  # noqa: F403
from chefsguider.settings.base import env_bool, env_list


def _require(name: str, why: str) -> None:
    if not os.environ.get(name, "").strip():
        raise ImproperlyConfigured(f"{name} must be set in production: {why} (see docs/operations.md).")


_require("SECRET_KEY", "sessions, reset and confirmation links are signed with it")
_require("ALLOWED_HOSTS", "the public host names, comma-separated")
# The embedded SQLite default would quietly start an empty site in whatever data folder is at hand.
_require("DATABASE_URL", "e.g. postgres://user@host:5432/chefsguider")
# Links in e-mails (confirmation, password reset) start with it; the default is 127.0.0.1.
_require("CHEFSGUIDER_BASE_URL", "the public address, e.g. https://chefsguider.example")
# Rate limits and kept pages live in the cache: with the in-process default each process keeps
# its own (limits multiplied by the number of processes). One process, or one shared cache.
_processes = os.environ.get("WEB_CONCURRENCY", "1").strip() or "1"
if not _processes.isdigit():
    raise ImproperlyConfigured(f"WEB_CONCURRENCY must be a number of processes, not {_processes!r}.")
if int(_processes) > 1:
    _require("REDIS_URL", f"{_processes} processes (WEB_CONCURRENCY) need one cache shared by all of them")

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

# TLS ends at the proxy in front of gunicorn, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
ADMINS = [("Drift", address) for address in env_list("ADMIN_EMAILS")]

WHITENOISE_MAX_AGE = 31536000  # hashed file names: cache static files for a year
