"""Security headers: one strict Content-Security-Policy for the site, its own one for the admin,
and a Permissions-Policy that switches off browser features the site never uses."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest, HttpResponseNotFound, QueryDict
from django.utils.datastructures import MultiValueDict


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a separate, looser policy for Wagtail's admin, which needs inline code."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(settings.ADMIN_URL_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class NulByteMiddleware:
    """Removes NUL characters from every parameter, and answers 404 for a path that has one.

    No reader types a NUL, but crawlers and attackers do, and PostgreSQL refuses to compare or
    store text containing one: left in, it would turn a harmless request into a server error.
    A form body the site cannot read (a charset other than UTF-8) is answered 400 here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseNotFound("Sidan finns inte.", content_type="text/plain; charset=utf-8")
        for name in ("GET", "POST"):
            try:
                data = getattr(request, name)
            except BadRequest:
                # Django reads only UTF-8 forms. Left to Django's 400 handler, its CSRF check reads
                # the body again and fails inside the error handler: gunicorn's bare 500.
                request._post, request._files = QueryDict(), MultiValueDict()
                return HttpResponseBadRequest(
                    "Formuläret kunde inte läsas: skicka det som UTF-8.", content_type="text/plain; charset=utf-8"
                )
            if any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists()):
                cleaned = QueryDict(mutable=True)
                for key, values in data.lists():
                    cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
                cleaned._mutable = False
                setattr(request, name, cleaned)
        return self.get_response(request)
