"""Settings, read from the environment (see README, "Configuratie").

DATABASE_URL           default: SQLite file var/registry.sqlite3
DJANGO_SECRET_KEY      required when DJANGO_DEBUG is off
DJANGO_DEBUG           "1"/"true" for development; default off
DJANGO_ALLOWED_HOSTS   comma separated; default "localhost,127.0.0.1" in debug
DJANGO_CSRF_TRUSTED_ORIGINS  comma separated origins behind the reverse proxy
DJANGO_SECURE_SSL_REDIRECT   default on when debug is off; switch off when the proxy redirects
REGISTRY_SITE_URL      the address users open, for links in reminder e-mails
REGISTRY_IMPORT_MAX_BYTES / _MAX_ROWS / _MAX_UNPACKED_BYTES / _MAX_RATIO / _MAX_COLUMNS /
REGISTRY_IMPORT_MAX_CELLS
                       limits of an uploaded spreadsheet (see partnerships/spreadsheets/files.py)
REGISTRY_IMPORT_FILE_RETENTION_DAYS  days a committed import keeps its file (prune_import_files);
                       default 365
DJANGO_MEDIA_ROOT      where uploaded files are stored; default var/media (never under STATIC_ROOT)
REGISTRY_UPLOAD_MAX_BYTES  largest uploaded document or report; default 25 MB (registry/files.py)
REGISTRY_SENDFILE_BACKEND  who sends a file after the access check (registry/downloads.py):
                       "django_sendfile.backends.simple" (default: Django itself),
                       "django_sendfile.backends.nginx" (X-Accel-Redirect) or
                       "django_sendfile.backends.xsendfile" (Apache mod_xsendfile)
REGISTRY_SENDFILE_URL  the proxy's internal location for X-Accel-Redirect; default "/protected/"
REGISTRY_API_RATE_TOKEN / REGISTRY_API_RATE_ANONYMOUS
                       API calls per API token / per anonymous address (DRF rates, e.g.
                       "600/min"); defaults 600/min and 120/min (registry/api/throttles.py)
REGISTRY_API_V1_DEPRECATED_ON / REGISTRY_API_V1_SUNSET_ON  (JJJJ-MM-DD) when /api/v1/ is
                       announced to end: Deprecation and Sunset headers (README "API");
                       REGISTRY_API_CHANGELOG_URL the changelog they link to
REGISTRY_OPEN_DATA_PUBLISHER / REGISTRY_OPEN_DATA_LICENSE
                       the publisher and licence (a URI) in the open data's DCAT description;
                       defaults the site name and CC0 1.0 (partnerships/api/open_data.py)
REGISTRY_OIDC_*        single sign-on with the organisation's identity provider (registry/sso/,
                       README "Single sign-on (OpenID Connect)"); off without REGISTRY_OIDC_ISSUER
REGISTRY_REQUEST_MAX_BYTES  largest request body (an upload with its form); default 30 MB: 413
REGISTRY_BACKGROUND_IMPORT_FROM_BYTES / REGISTRY_BACKGROUND_EXPORT_FROM_ROWS  an import of a
                       file from that size (200 kB) and an export from that many rows (5,000)
                       run in the background (registry/jobs.py); smaller ones in the request
REGISTRY_BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS  a contribution run of that many budgets (20) or
                       more runs in the background; the paragraphs of many organisations always
REGISTRY_PROGRESS_DIR  where running jobs write their progress; default var/progress (shared by
                       the web server and the worker of a host)
REGISTRY_JOB_RETENTION_DAYS  days a finished background job and its file are kept (prune_jobs; 7)
REGISTRY_AUDIT_RETENTION_DAYS  days an audit event is kept (prune_audit_events); default 365
REGISTRY_POSTGRES_JIT  "1" leaves PostgreSQL's JIT compiler on; default off for the register's
                       connections (README "Data at national scale and benchmarks")
EMAIL_HOST and friends  EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
                       DEFAULT_FROM_EMAIL; without EMAIL_HOST mail is printed to the console
REGISTRY_TWO_FACTOR_ROLES  roles that must use a second factor besides administrators and
                       supervisors (always): comma separated of griffie, finance, council
REGISTRY_LOGIN_FAILURE_LIMIT / REGISTRY_LOGIN_COOLOFF_MINUTES  lockout after that many failed
                       sign-ins per user and per address, for that many minutes (5, 15)
REGISTRY_PROXY_COUNT   reverse proxies in front that add X-Forwarded-For (default 0: the
                       client address is REMOTE_ADDR, the header is not trusted)
REGISTRY_SESSION_IDLE_MINUTES / REGISTRY_SESSION_MAX_HOURS  signed out after that long without
                       a request (30) and that long after signing in (10)
REGISTRY_PWNED_PASSWORDS_URL  the Pwned Passwords range API (k-anonymity) to check new passwords
                       against, e.g. https://api.pwnedpasswords.com/range/; default off
"""

import datetime
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from registry.api import API_VERSION
from registry.env import env_bool, env_date, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Zet DJANGO_SECRET_KEY (of DJANGO_DEBUG=1 voor ontwikkeling).")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # first, so that its templates/admin/ override the admin's few English ones
    "registry",
    "registry.apps.RegistryAdminConfig",  # django.contrib.admin with the registry's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc as static files, no CDN
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "partnerships",
    "partnerships.cycle",
    "evaluations",
    "evaluations.agenda",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "registry.headers.RequestSizeMiddleware",
    "registry.headers.ContentSecurityPolicyMiddleware",
    "registry.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "registry.signin.middleware.SessionLifetimeMiddleware",
    "registry.signin.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "registry.api.headers.APIVersionMiddleware",
    "registry.api.headers.ConditionalAPIMiddleware",
    "registry.api.tokens.TokenUseMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "registry.urls"

# The API (/api/v1/, registry/api/): rows through registry.access, writes through the
# services, API tokens or the session, errors as problem details, OpenAPI 3 by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "registry.api.tokens.TokenAuthentication",
        "registry.api.permissions.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["registry.api.permissions.ReadOnly"],
    "DEFAULT_THROTTLE_CLASSES": [
        "registry.api.throttles.TokenRateThrottle",
        "registry.api.throttles.AnonymousRateThrottle",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "registry.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "registry.api.problems.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Counted in the default cache (per process unless a shared cache is configured).
API_THROTTLE_RATES = {
    "token": env_str("REGISTRY_API_RATE_TOKEN", default="600/min"),
    "anonymous": env_str("REGISTRY_API_RATE_ANONYMOUS", default="120/min"),
}
# The end of v1, once a v2 replaces it: announced at least a year ahead (README "API").
API_V1_DEPRECATED_ON = env_date("REGISTRY_API_V1_DEPRECATED_ON")
API_V1_SUNSET_ON = env_date("REGISTRY_API_V1_SUNSET_ON")
# where the published docs/api-changelog.md is read (the Link header); empty: no Link
API_CHANGELOG_URL = env_str("REGISTRY_API_CHANGELOG_URL", default="")
# Open data (/api/v1/opendata/): who publishes it and under which licence (DCAT-AP-NL).
OPEN_DATA_LICENSE = env_str(
    "REGISTRY_OPEN_DATA_LICENSE",
    default="http://creativecommons.org/publicdomain/zero/1.0/deed.nl",
)
SPECTACULAR_SETTINGS = {
    "TITLE": "Register verbonden partijen – API",
    "DESCRIPTION": (
        "API van het register van verbonden partijen en samenwerkingsverbanden. Anoniem "
        "leest u wat organisaties publiceren; met een API-sleutel (`Authorization: Token "
        "<sleutel>`) of aangemeld wat uw rol u laat lezen, en met bereik schrijven legt u "
        "deelnemingen vast. Fouten als problem details (RFC 9457)."
    ),
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # one name for a choice set that several fields use
    "ENUM_NAME_OVERRIDES": {
        "ZienswijzeStatusEnum": "partnerships.cycle.choices.ZienswijzeStatus",
        "CycleDocumentKindEnum": "partnerships.cycle.choices.DocumentKind",
        "PartyStatusEnum": "partnerships.choices.PartyStatus",
        # the name it had before the writes on jaarcijfers used it too (a client keeps it)
        "FiguresSoortEnum": "partnerships.choices.FiguresKind",
    },
}
WSGI_APPLICATION = "registry.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "registry.context_processors.documents",
                "registry.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'registry.sqlite3'}"),
        conn_max_age=int(env_str("DJANGO_CONN_MAX_AGE", default="60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql") and not env_bool(
    "REGISTRY_POSTGRES_JIT", default=False
):
    # PostgreSQL's JIT compiles a query whose estimated cost is high; for the register's
    # queries (joins over a few ten thousand rows) the compiling takes far longer than the
    # query: 1.8 s of 1.9 s for the overview map of the largest province, 0.1 s without.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # `make run`: the worker and the web server share the file; a write waits for the other's
    # transaction (an import's commit) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 60
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Signing in (registry/signin/, README "Two factors, lockout, sessions and passwords").
# django-axes first: it counts the failures and refuses a locked-out user or address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Administrators and supervisors always; these roles too (griffie, finance, council).
TWO_FACTOR_ROLES = env_list("REGISTRY_TWO_FACTOR_ROLES", default=[])
OTP_TOTP_ISSUER = env_str("REGISTRY_SITE_NAME", default="Register verbonden partijen")
AXES_FAILURE_LIMIT = int(env_str("REGISTRY_LOGIN_FAILURE_LIMIT", default="5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(env_str("REGISTRY_LOGIN_COOLOFF_MINUTES", default="15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "registry.signin.lockout.lockout_response"
# The client's address (registry/signin/client_address.py): REMOTE_ADDR, unless this many
# proxies in front each append to X-Forwarded-For; then the address the outermost one saw.
REGISTRY_PROXY_COUNT = int(env_str("REGISTRY_PROXY_COUNT", default="0"))
AXES_CLIENT_IP_CALLABLE = "registry.signin.client_address.client_address"
# A back office: signed out after 30 minutes without a request, 10 hours after signing in.
SESSION_IDLE_SECONDS = 60 * int(env_str("REGISTRY_SESSION_IDLE_MINUTES", default="30"))
SESSION_COOKIE_AGE = 3600 * int(env_str("REGISTRY_SESSION_MAX_HOURS", default="10"))
PWNED_PASSWORDS_URL = env_str("REGISTRY_PWNED_PASSWORDS_URL", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    # Django's list of the 20,000 passwords found most often in breaches
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "registry.signin.passwords.DemoPasswordValidator"},
    {"NAME": "registry.signin.passwords.PwnedPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["registry.formats"]  # 31-12-2026, as in the documents
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# NL Design System (Utrecht components, design tokens, the Noto Sans font) from npm
# (package-lock.json): `make install` runs npm ci and copies the files the pages use into
# registry/static/vendor/, so the site serves them itself, never from a CDN.
STATICFILES_DIRS = []
# A municipality's own look (README "The public pages"): a folder with theme.css (design
# tokens: --utrecht-* custom properties) and optionally logo.svg, served as static/theme/.
SITE_THEME_DIR = env_str("REGISTRY_SITE_THEME_DIR", default="")
if SITE_THEME_DIR:
    STATICFILES_DIRS.append(("theme", Path(SITE_THEME_DIR)))
SITE_NAME = env_str("REGISTRY_SITE_NAME", default="Register verbonden partijen")
OPEN_DATA_PUBLISHER = env_str("REGISTRY_OPEN_DATA_PUBLISHER", default=SITE_NAME)
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
if MEDIA_ROOT.resolve().is_relative_to(STATIC_ROOT.resolve()):
    # whitenoise serves everything under STATIC_ROOT to anyone
    raise ImproperlyConfigured("DJANGO_MEDIA_ROOT mag niet binnen STATIC_ROOT liggen.")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploaded files are served only by registry/downloads.py, after the access check, never
# under MEDIA_URL; the web server sends the bytes when SENDFILE_BACKEND says so.
UPLOAD_MAX_BYTES = int(env_str("REGISTRY_UPLOAD_MAX_BYTES", default=str(25 * 1024 * 1024)))
SENDFILE_BACKEND = env_str("REGISTRY_SENDFILE_BACKEND", default="django_sendfile.backends.simple")
SENDFILE_ROOT = MEDIA_ROOT
SENDFILE_URL = env_str("REGISTRY_SENDFILE_URL", default="/protected/")

LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
CSRF_FAILURE_VIEW = "registry.errors.csrf_failure"  # the registry's 403 page, in Dutch

# Single sign-on (OpenID Connect, mozilla-django-oidc; registry/sso/): on when an issuer is
# set. The endpoints come from {issuer}/.well-known/openid-configuration (cached) unless
# given here; the backend's dotted path is what the two-factor check recognises.
OIDC_ISSUER = env_str("REGISTRY_OIDC_ISSUER", default="").rstrip("/")
SSO_BACKEND = "registry.sso.backend.RegistryOIDCBackend"
if OIDC_ISSUER:  # after axes' backend and the password's (above)
    AUTHENTICATION_BACKENDS.append(SSO_BACKEND)
OIDC_RP_CLIENT_ID = env_str("REGISTRY_OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env_str("REGISTRY_OIDC_CLIENT_SECRET", default="")
OIDC_RP_SCOPES = env_str("REGISTRY_OIDC_SCOPES", default="openid email profile")
OIDC_RP_SIGN_ALGO = env_str("REGISTRY_OIDC_SIGN_ALGO", default="RS256")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("REGISTRY_OIDC_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env_str("REGISTRY_OIDC_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env_str("REGISTRY_OIDC_USERINFO_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env_str("REGISTRY_OIDC_JWKS_URI", default="")
OIDC_OP_LOGOUT_ENDPOINT = env_str("REGISTRY_OIDC_END_SESSION_ENDPOINT", default="")
OIDC_DISCOVERY_CACHE_SECONDS = int(env_str("REGISTRY_OIDC_DISCOVERY_CACHE_SECONDS", default="3600"))
OIDC_TIMEOUT = int(env_str("REGISTRY_OIDC_TIMEOUT", default="10"))
# Who a user is (the claim that names the account) and how roles are given: from a groups
# claim (REGISTRY_OIDC_GROUPS_CLAIM set) or by an administrator after the first sign-in.
OIDC_USERNAME_CLAIM = env_str("REGISTRY_OIDC_USERNAME_CLAIM", default="sub")
OIDC_GROUPS_CLAIM = env_str("REGISTRY_OIDC_GROUPS_CLAIM", default="")
OIDC_GROUP_PREFIX = env_str("REGISTRY_OIDC_GROUP_PREFIX", default="vp-")
OIDC_GROUP_MAP = env_list("REGISTRY_OIDC_GROUP_MAP", default=[])
OIDC_ADMIN_GROUPS = env_list("REGISTRY_OIDC_ADMIN_GROUPS", default=[])
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True  # the id_token_hint of the provider's logout
OIDC_CREATE_USER = True
LOGIN_REDIRECT_URL_FAILURE = "admin:login"

# History: "Terugzetten" is switched off (registry/admin_base.py says why).
SIMPLE_HISTORY_REVERT_DISABLED = True

# Reminders (python manage.py send_reminders): SMTP when EMAIL_HOST is set, else the console.
SITE_URL = env_str("REGISTRY_SITE_URL", default="http://localhost:8000").rstrip("/")
EMAIL_HOST = env_str("EMAIL_HOST", default="")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(env_str("EMAIL_PORT", default="587"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="register@localhost")

# Spreadsheet import: what a file may be before it is read at all.
IMPORT_MAX_BYTES = int(env_str("REGISTRY_IMPORT_MAX_BYTES", default=str(20 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(env_str("REGISTRY_IMPORT_MAX_ROWS", default="50000"))
IMPORT_MAX_UNPACKED_BYTES = int(
    env_str("REGISTRY_IMPORT_MAX_UNPACKED_BYTES", default=str(300 * 1024 * 1024))
)
IMPORT_MAX_RATIO = int(env_str("REGISTRY_IMPORT_MAX_RATIO", default="100"))
# ... and what it may hold, counted while it is read (a sheet may declare any size).
IMPORT_MAX_COLUMNS = int(env_str("REGISTRY_IMPORT_MAX_COLUMNS", default="1000"))
IMPORT_MAX_CELLS = int(env_str("REGISTRY_IMPORT_MAX_CELLS", default="2000000"))
# A committed import keeps its file this long (python manage.py prune_import_files).
# Long work in the background (registry/jobs.py, README "Work in the background"): Django's
# task framework (the django-tasks backport) with its database backend; the worker is
# `manage.py db_worker` (make run starts one; production runs it as its own service).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A job's progress while it runs: outside the database, because the worker's transaction
# (all or nothing) would hide it. A directory all web and worker processes of a host share.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "progress": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env_str("REGISTRY_PROGRESS_DIR", default=str(BASE_DIR / "var" / "progress")),
    },
}
# Where the background starts: an import of a larger file (its preview and its commit), an
# export of more rows. Smaller ones run in the request, as before (a second or two at most).
BACKGROUND_IMPORT_FROM_BYTES = int(
    env_str("REGISTRY_BACKGROUND_IMPORT_FROM_BYTES", default=str(200 * 1024))
)
BACKGROUND_EXPORT_FROM_ROWS = int(env_str("REGISTRY_BACKGROUND_EXPORT_FROM_ROWS", default="5000"))
# A contribution run of more budgets (a key applied per budget: ~0.1 s each at national scale).
BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS = int(
    env_str("REGISTRY_BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS", default="20")
)
# A finished job's file (an export) and record are kept this many days (prune_jobs).
JOB_RETENTION_DAYS = int(env_str("REGISTRY_JOB_RETENTION_DAYS", default="7"))
IMPORT_FILE_RETENTION_DAYS = int(env_str("REGISTRY_IMPORT_FILE_RETENTION_DAYS", default="365"))

# Security: strict by default, relaxed only in debug.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"


# Content-Security-Policy (django-csp 4): nothing inline, nothing from elsewhere. The admin and
# the API documentation get a wider policy in registry/headers.py (it says what and why).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # the Utrecht CSS draws its icons as data: SVG
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],  # the admin adds the identity provider (registry/headers.py)
        "frame-ancestors": ["'none'"],
    }
}
# Upload caps: the whole request body (registry/headers.py, 413 with a Dutch page), the form
# fields besides files (Django: 400), and the size above which an upload goes to a temporary
# file instead of memory.
REQUEST_MAX_BYTES = int(env_str("REGISTRY_REQUEST_MAX_BYTES", default=str(30 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# The audit trail (registry/audit.py) keeps an event this long (python manage.py
# prune_audit_events); README "Security", "Audit trail" says why a year.
AUDIT_RETENTION_DAYS = int(env_str("REGISTRY_AUDIT_RETENTION_DAYS", default="365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", default="WARNING")},
}
