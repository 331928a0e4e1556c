"""Membership addresses, in Swedish. Included before Wagtail's page tree in chefsguider/urls.py."""

from django.contrib.auth import views as auth_views
from django.urls import path

from membership import views

app_name = "membership"
urlpatterns = [
    path("bli-medlem/", views.apply, name="apply"),
    path("bli-medlem/tack/", views.applied, name="applied"),
    path("bli-medlem/bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("integritet/", views.privacy, name="privacy"),
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("glomt-losenord/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "glomt-losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="membership/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("nytt-losenord/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "nytt-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(template_name="membership/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("mina-guider/", views.saved_guides, name="saved_guides"),
    path("mina-guider/spara/", views.save_guide, name="save_guide"),
    path("mina-guider/ta-bort/", views.unsave_guide, name="unsave_guide"),
    path("mitt-konto/", views.account, name="account"),
    path("mitt-konto/mina-uppgifter.json", views.download_data, name="download_data"),
    path("mitt-konto/radera/", views.delete_account, name="delete_account"),
    path("mitt-konto/raderat/", views.account_deleted, name="account_deleted"),
]
