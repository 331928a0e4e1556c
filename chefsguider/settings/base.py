"""Base settings for Chefsguider.

Every value that differs between a laptop and production comes from the environment;
all state (database, search index, media) lives under CHEFSGUIDER_DATA_DIR.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DATA_DIR = Path(os.environ.get("CHEFSGUIDER_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in DATA_DIR."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "frontend",
    "facts",
    "guides",
    "search",
    "api",
    "membership",
    "operations",
    "editorial",
    "tools",
    "letters",
    "experts",
    "podcasts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "operations.security.PermissionsPolicyMiddleware",
    "operations.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "operations.security.NulByteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "search.log.SearchLogMiddleware",  # above the page cache: a search served from it is logged too
    "operations.page_cache.AnonymousPageCacheMiddleware",
    "operations.routing.KeptSiteMiddleware",
]

ROOT_URLCONF = "chefsguider.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "chefsguider.wsgi.application"

# SQLite in WAL mode is the embedded default; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections are kept, as PostgreSQL's are: every anonymous request reads the shared content
    # generation (operations.content_cache), and opening a connection with these pragmas for it
    # would cost more than serving the cached page (docs/operations.md, Caching).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Members log in on the site; editors on /admin/ (Wagtail's own login).
LOGIN_URL = "membership:login"
# Pages restricted to logged-in readers send them to the site's one login (/_util/login/ only
# redirects there: one login form to throttle, membership.throttling).
WAGTAIL_FRONTEND_LOGIN_URL = "/logga-in/"
LOGIN_REDIRECT_URL = "membership:saved_guides"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Redis when REDIS_URL is set (shared by every process), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chefsguider",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "chefsguider"}}

# Whole pages for anonymous readers (operations.page_cache); 0 switches the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Parts of pages that cost most to render (a guide's body, its related guides), kept per published
# revision and generation of the content; kept also when the page cache is off. 0 switches them off.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "86400"))
# Behind the documented proxy (deploy/nginx; docs/operations.md, "The proxy"): how long it may keep an
# anonymous page (the most a page can be stale if it was being rendered while a change was published;
# 0: the proxy keeps nothing), and its cache folder, emptied whenever the content changes.
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "0"))
PROXY_CACHE_DIR = os.environ.get("PROXY_CACHE_DIR", "")
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/dokument/", "/healthz", "/static/", "/media/")
# Models outside the page tree whose changes show on cached pages (app_label.model).
#: The register of legal facts as shipped (content/facts/*.yml); the database holds editors' copy.
FACTS_DIR = BASE_DIR / "content" / "facts"
#: Who may read a members-only guide body (guides.models.can_read_body): a function of the user.
MEMBERS_ONLY_READERS = "membership.models.can_read_members_only"
#: Readable copies a backup holds besides the database and media (operations.backup): manifest key ->
#: a function writing into the backup's export folder and returning how many items it wrote.
BACKUP_EXPORTS = {"guides_exported": "guides.exporter.backup_export"}
#: Checks /healthz runs besides the database and the cache (operations.health): name -> function.
HEALTH_CHECKS = {"search": "search.health_check"}
PAGE_CACHE_INVALIDATING_MODELS = {
    "facts.legalfact", "search.synonymgroup", "editorial.changenote", "wagtailcore.pageviewrestriction",
    "wagtailcore.site", "guides.guidearea", "guides.situation",
}
# Request headers that select another page at the same address (the catalogue's results fragment).
PAGE_CACHE_KEY_HEADERS = ("X-Chefsguider-Fragment",)

# Security headers. The site's policy allows nothing inline; the admin gets its own policy.
ADMIN_URL_PREFIX = "/admin/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "media-src": ["'self'", "https:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "https:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"

WAGTAIL_SITE_NAME = "Chefsguider"
WAGTAILADMIN_BASE_URL = os.environ.get("CHEFSGUIDER_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "mp3", "m4a"]
WAGTAIL_I18N_ENABLED = False

# The guide search engine behind the search seam: "tantivy" (embedded) or "postgres" (shared).
CHEFSGUIDER_SEARCH_ENGINE = os.environ.get("CHEFSGUIDER_SEARCH_ENGINE", "tantivy")
CHEFSGUIDER_SEARCH_INDEX_DIR = DATA_DIR / "search-index"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Chefsguider <noreply@chefsguider.example>")
EMAIL_FILE_PATH = DATA_DIR / "mail"  # for EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend

# Search rate limits per IP address (django-ratelimit): full searches and as-you-type suggestions.
SEARCH_RATE = os.environ.get("SEARCH_RATE", "120/m")
# Behind the documented proxy: the file where it logs searches (search.log; docs/operations.md).
SEARCH_LOG_BY_PROXY = os.environ.get("SEARCH_LOG_BY_PROXY", "")
SUGGEST_RATE = os.environ.get("SUGGEST_RATE", "600/m")

# django-ratelimit keys on the visitor's address (REMOTE_ADDR); behind a proxy, name the request
# header that carries it, e.g. RATELIMIT_IP_META_KEY=HTTP_X_REAL_IP.
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]

# Membership: rate limits per IP address (counted in the default cache) and the privacy contact.
MEMBERSHIP_APPLY_RATE = os.environ.get("MEMBERSHIP_APPLY_RATE", "10/h")  # applications
# Wrong passwords on any password form: per address, and per account from addresses it has not
# logged in from (membership.throttling; docs/operations.md says why).
MEMBERSHIP_LOGIN_RATE = os.environ.get("MEMBERSHIP_LOGIN_RATE", "10/15m")
MEMBERSHIP_LOGIN_ACCOUNT_RATE = os.environ.get("MEMBERSHIP_LOGIN_ACCOUNT_RATE", "20/h")
MEMBERSHIP_APPLICATION_MAIL_RATE = os.environ.get("MEMBERSHIP_APPLICATION_MAIL_RATE", "1/h")  # per e-mail address
MEMBERSHIP_PASSWORD_RESET_RATE = os.environ.get("MEMBERSHIP_PASSWORD_RESET_RATE", "5/h")  # reset e-mails
CHEFSGUIDER_PRIVACY_EMAIL = os.environ.get("CHEFSGUIDER_PRIVACY_EMAIL", "integritet@chefsguider.example")

# Experten svarar: questions a reader may send per IP address (django-ratelimit).
EXPERTS_QUESTION_RATE = os.environ.get("EXPERTS_QUESTION_RATE", "5/h")

# Reader feedback ("Var guiden till hjälp?"): answers per IP address (django-ratelimit).
EDITORIAL_FEEDBACK_RATE = os.environ.get("EDITORIAL_FEEDBACK_RATE", "30/h")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # Wagtail logs every background task and page action at INFO; keep commands readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # WeasyPrint logs each rendering step and font subsetting for every PDF, and warns about
        # the resources tools.pdf deliberately refuses to fetch.
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
    },
}
