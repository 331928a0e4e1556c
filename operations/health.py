"""/healthz: is this process able to serve? Database, cache and search index, each checked live.

Operations checks the database and the cache itself; apps above it add their own checks through the
setting HEALTH_CHECKS (name: dotted path of a function returning {"ok": bool, ...}), so this bottom
layer imports no app.

Load balancers and monitoring read the status code (200 or 503); people read the JSON.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def _cache() -> dict:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    ok = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": ok, "backend": cache.__class__.__name__}


def checks() -> dict:
    """Operations' own checks, then the ones the apps plug in (settings.HEALTH_CHECKS), in order."""
    plugged = {name: import_string(path) for name, path in getattr(settings, "HEALTH_CHECKS", {}).items()}
    return {"database": _database, "cache": _cache, **plugged}


@never_cache
def healthz(request):
    report = {}
    for name, check in checks().items():
        try:
            report[name] = check()
        except Exception as error:  # a health check reports failures, it never raises them
            report[name] = {"ok": False, "error": error.__class__.__name__}
    healthy = all(part.get("ok") for part in report.values())
    return JsonResponse({"ok": healthy, **report}, status=200 if healthy else 503)
