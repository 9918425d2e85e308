import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories

# `provider` (an OpenID Connect provider on 127.0.0.1) and `sso` (the registry signing in there)
pytest_plugins = ["tests.oidc_provider"]


@pytest.fixture(autouse=True)
def _plain_static_files(settings, tmp_path_factory):
    """The manifest storage of production needs collectstatic; tests render without it."""
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "static"
    settings.STATIC_ROOT.mkdir(exist_ok=True)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files land in a temporary directory, never in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SENDFILE_ROOT = settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _progress_in_memory(settings):
    """The worker runs in the test's process (run_jobs), so its progress needs no directory."""
    settings.CACHES = {
        **settings.CACHES,
        "progress": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


@pytest.fixture
def run_jobs(monkeypatch):
    """Run the worker (`manage.py db_worker --batch`) over every queued background job, in
    the test's process and database; returns how many tasks it ran. The worker checks its
    connection between tasks as a request does; inside the test's transaction (autocommit
    off) that would close it on PostgreSQL, so the check is left out here."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> int:
        queued = DBTaskResult.objects.ready().count()
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        return queued

    return run


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The API's throttle counts and the open-data files do not carry over between tests."""
    cache.clear()


@pytest.fixture
def overijssel(db):
    return factories.ProvinceFactory(name="Overijssel", cbs_code="PV23")


@pytest.fixture
def enschede(overijssel):
    return factories.MunicipalityFactory(name="Enschede", cbs_code="GM0153", province=overijssel)


@pytest.fixture
def almelo(overijssel):
    return factories.MunicipalityFactory(name="Almelo", cbs_code="GM0141", province=overijssel)


@pytest.fixture
def utrecht_city(db):
    utrecht = factories.ProvinceFactory(name="Utrecht", cbs_code="PV26")
    return factories.MunicipalityFactory(name="Utrecht", cbs_code="GM0344", province=utrecht)


@pytest.fixture(autouse=True)
def _force_login_gives_the_second_factor(monkeypatch):
    """`client.force_login(user)` signs in as if the user also gave its second factor (a
    recovery-code device of its own, registry/signin/factors.py): the tests of the pages need
    no code. The sign-in itself is tested through the login form (tests/registry/
    test_two_factors.py)."""
    from django.test.client import ClientMixin
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    force_login = ClientMixin.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        device, _ = StaticDevice.objects.get_or_create(user=user, name="force_login (tests)")
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login_verified)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def count_queries(client, url) -> int:
    """The queries one GET of `url` takes; the page must answer 200. A first request of the
    session may write it (the last request, kept once a minute: registry/signin/
    middleware.py); that write is not the page's, so one request goes first."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)
