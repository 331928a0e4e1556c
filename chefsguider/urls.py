"""Site URLs: the admin, the JSON API, documents, membership, and Wagtail's page tree for everything else."""

from django.conf import settings
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import account as wagtailadmin_account
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from membership.throttling import limit_password_guesses, own_account, posted_login_name
from operations.health import healthz


def _view_restriction(request, page_view_restriction_id, page_id):
    return f"view-restriction:{page_view_restriction_id}"


def _collection_restriction(request, restriction_id):
    return f"collection-restriction:{restriction_id}"


# Every form that checks a password is limited (membership.throttling); these replace Wagtail's
# own views at the same addresses, placed before Wagtail's patterns, with the decorators Wagtail's
# admin URLconf gives them (admin access, no caching).
password_forms = [
    path(
        "admin/login/",
        never_cache(limit_password_guesses(posted_login_name)(wagtailadmin_account.LoginView.as_view())),
        name="wagtailadmin_login",
    ),
    path(
        "admin/account/",
        never_cache(require_admin_access(limit_password_guesses(own_account)(wagtailadmin_account.AccountView.as_view()))),
        name="wagtailadmin_account",
    ),
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        limit_password_guesses(_view_restriction)(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "dokument/authenticate_with_password/<id:restriction_id>/",
        limit_password_guesses(_collection_restriction)(wagtaildocs_serve.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("_util/login/", RedirectView.as_view(pattern_name="membership:login", query_string=True)),
]

urlpatterns = password_forms + [
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("api/v1/", include("api.urls")),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("", include("membership.urls")),
    path("", include("editorial.urls")),
    path("", include("search.urls")),
    path("", include("guides.urls")),
    path("verktyg/", include("tools.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
