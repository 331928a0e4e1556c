"""Security headers on every response, /healthz, and a production configuration that passes --deploy."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_public_pages_have_a_strict_policy(client, make_guide):
    guide = make_guide()
    for url in ["/", "/chefsguider/", guide.url, "/api/v1/guides/", "/finns-inte/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_has_its_own_policy(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy


def test_healthz_reports_each_part(client):
    response = client.get("/healthz")
    data = response.json()
    assert response.status_code == 200 and data["ok"]
    assert data["database"]["ok"] and data["cache"]["ok"] and data["search"]["ok"]


def test_healthz_is_503_when_the_cache_is_down(client):
    unreachable = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0",
                               "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2}}}
    with override_settings(CACHES=unreachable, PAGE_CACHE_SECONDS=0):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == {"ok": False, "error": "ConnectionError"}


def production(tmp_path, **changes) -> dict:
    """The environment of a production process: everything required set, then `changes` (None unsets)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chefsguider.settings.production",
        "SECRET_KEY": "x" * 20 + "-production-secret-key-that-is-long-and-random-0123456789",
        "ALLOWED_HOSTS": "chefsguider.example",
        "CHEFSGUIDER_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CHEFSGUIDER_BASE_URL": "https://chefsguider.example",
        "WEB_CONCURRENCY": "1",
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    environment.pop("REDIS_URL", None)
    environment.update(changes)
    return {name: value for name, value in environment.items() if value is not None}


def manage(environment, *arguments):
    command = [sys.executable, "manage.py", *arguments]
    return subprocess.run(command, cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True)


def test_production_settings_pass_check_deploy(tmp_path):
    result = manage(production(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"DATABASE_URL": None}, "DATABASE_URL must be set in production"),
        ({"CHEFSGUIDER_BASE_URL": None}, "CHEFSGUIDER_BASE_URL must be set in production"),
        ({"CHEFSGUIDER_BASE_URL": " "}, "CHEFSGUIDER_BASE_URL must be set in production"),
        ({"SECRET_KEY": None}, "SECRET_KEY must be set in production"),
        ({"WEB_CONCURRENCY": "3"}, "REDIS_URL must be set in production: 3 processes"),
        ({"WEB_CONCURRENCY": "drei"}, "WEB_CONCURRENCY must be a number"),
    ],
)
def test_production_settings_refuse_to_start_without_what_they_need(tmp_path, changes, message):
    result = manage(production(tmp_path, **changes), "check")
    assert result.returncode != 0 and message in result.stderr, result.stderr[-2000:]


def test_several_production_processes_start_with_a_shared_cache(tmp_path):
    environment = production(tmp_path, WEB_CONCURRENCY="3", REDIS_URL=settings.TEST_REDIS_URL)
    assert manage(environment, "check").returncode == 0


def test_nul_characters_never_reach_the_database(client, make_guide, settings):
    settings.SEARCH_RATE = "1000/m"
    make_guide("Lönesamtal", areas=["lon"], slug="lonesamtal")
    assert client.get("/chefsguider/", {"q": "lön\x00samtal", "omrade": "lon\x00"}).status_code == 200
    assert client.get("/chefsguider/lonesamtal%00/").status_code == 404
    # A whole application with NUL characters is accepted and stored without them.
    from membership.models import Application
    from membership.tests.support import VALID

    settings.MEMBERSHIP_APPLY_RATE = "1000/h"
    response = client.post("/bli-medlem/", {**VALID, "name": "Anna\x00 Andersson", "email": "anna\x00@example.se"})
    assert response.status_code == 302 and response["Location"] == "/bli-medlem/tack/"
    application = Application.objects.get()
    assert (application.name, application.email) == ("Anna Andersson", "anna@example.se")


def test_robots_txt_keeps_crawlers_off_rendered_files_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /verktyg/pdf/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_gunicorn_with_several_workers_and_no_shared_cache_does_not_serve(tmp_path):
    """`--workers` on gunicorn's command line counts, not only WEB_CONCURRENCY (gunicorn.conf.py)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = production(tmp_path, WEB_CONCURRENCY=None)
    command = [sys.executable, "-m", "gunicorn", "chefsguider.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    server = subprocess.Popen(
        command, cwd=settings.BASE_DIR, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _, stderr = server.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        server.terminate()  # the master stops its workers
        server.communicate()
        pytest.fail("gunicorn served with two workers and no shared cache")
    assert server.returncode != 0
    assert "REDIS_URL must be set in production: 2 processes" in stderr
