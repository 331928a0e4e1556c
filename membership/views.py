"""Membership pages: apply and confirm, log in and out, reset the password, "Mina guider",
the privacy page and the member's own data."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from guides.models import GuidePage
from guides.page_ids import parse_id
from membership import throttling
from membership.confirmation import LinkExpired, LinkInvalid, application_for
from membership.emails import send_application_email
from membership.forms import ApplicationForm, ChoosePasswordForm, DeleteAccountForm, LoginForm
from membership.models import AlreadyConfirmed, Application, SavedGuide
from membership.privacy import delete_member, member_data

TOO_MANY = throttling.TOO_MANY


@require_http_methods(["GET", "POST"])
def apply(request):
    """The "Bli medlem" form. Every accepted form ends on the same "check your e-mail" page,
    whether the address was new, had applied before or is a member's already."""
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if throttling.applications_exceeded(request):
            return render(request, "membership/apply.html", {"form": form, "error": TOO_MANY}, status=429)
        if form.is_from_a_bot:
            return redirect("membership:applied")
        if form.is_valid():
            details = form.details()
            application, submission = Application.objects.submit(details.pop("email"), **details)
            # The page after is the same either way: it must not tell that a mail went out lately.
            if not throttling.application_mail_exceeded(request, application.email):
                send_application_email(application, submission)
            return redirect("membership:applied")
    else:
        form = ApplicationForm()
    return render(request, "membership/apply.html", {"form": form})


def applied(request):
    return render(request, "membership/applied.html")


@never_cache  # the page names the applicant: never kept in the anonymous page cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The double opt-in link: choosing a password confirms the application and logs the member in.
    Only the POST changes anything, so a mail scanner that opens the link confirms nothing."""
    try:
        application = application_for(token)
    except LinkExpired:
        return render(request, "membership/confirm_problem.html", {"expired": True}, status=410)
    except LinkInvalid:
        return render(request, "membership/confirm_problem.html", {"expired": False}, status=404)
    if application.is_confirmed:
        return render(request, "membership/confirm_problem.html", {"already_confirmed": True})

    applicant = get_user_model()(username=application.email, email=application.email, first_name=application.name)
    form = ChoosePasswordForm(applicant, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = application.confirm(form.cleaned_data["new_password1"])
        except AlreadyConfirmed:
            return render(request, "membership/confirm_problem.html", {"already_confirmed": True})
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Välkommen som medlem! Nu kan du läsa alla guider och spara dem i Mina guider.")
        return redirect("membership:saved_guides")
    return render(request, "membership/confirm.html", {"form": form, "application": application})


class LoginView(auth_views.LoginView):
    """Django's login, throttled (membership.throttling): once wrong passwords from this address,
    or for this account from addresses it does not use, reach a limit, further attempts are
    refused (429) without checking the password."""

    template_name = "membership/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if throttling.guesses_exceeded(request, throttling.posted_login_name(request)):
            form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")})
            return self.render_to_response(self.get_context_data(form=form, error=TOO_MANY), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttling.count_wrong_guess(self.request, throttling.posted_login_name(self.request))
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "membership/password_reset.html"
    email_template_name = "membership/email/password_reset.txt"
    subject_template_name = "membership/email/password_reset_subject.txt"
    success_url = reverse_lazy("membership:password_reset_done")

    @property
    def extra_email_context(self):
        return {"base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}

    def post(self, request, *args, **kwargs):
        if throttling.password_resets_exceeded(request):
            return self.render_to_response(self.get_context_data(error=TOO_MANY), status=429)
        return super().post(request, *args, **kwargs)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "membership/password_reset_confirm.html"
    success_url = reverse_lazy("membership:password_reset_complete")


def privacy(request):
    return render(request, "membership/privacy.html", {"privacy_email": settings.CHEFSGUIDER_PRIVACY_EMAIL})


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


@login_required
def saved_guides(request):
    # A guide restricted after it was saved drops out of the list, title and all.
    public = GuidePage.objects.live().public()
    saved = SavedGuide.objects.filter(user=request.user, guide__in=public).select_related("guide")
    return render(request, "membership/saved_guides.html", {"saved_guides": saved})


def _posted_guide(request) -> GuidePage:
    guide_id = parse_id(request.POST.get("guide", ""))
    if guide_id is None:
        raise Http404("Ingen guide")
    # Restricted guides are not offered to members either: the answer would name the guide.
    return get_object_or_404(GuidePage.objects.live().public(), pk=guide_id)


@login_required
@require_POST
def save_guide(request):
    guide = _posted_guide(request)
    SavedGuide.objects.get_or_create(user=request.user, guide=guide)
    messages.success(request, f"”{guide.title}” är sparad i Mina guider.")
    return redirect(_safe_next(request, guide.url))


@login_required
@require_POST
def unsave_guide(request):
    guide = _posted_guide(request)
    SavedGuide.objects.filter(user=request.user, guide=guide).delete()
    messages.success(request, f"”{guide.title}” är borttagen från Mina guider.")
    return redirect(_safe_next(request, guide.url))


# The member's own data: never kept by a browser or proxy (never_cache sends private, no-store).
@never_cache
@login_required
def account(request):
    return render(request, "membership/account.html", {"data": member_data(request.user)})


@never_cache
@login_required
def download_data(request):
    response = JsonResponse(member_data(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2})
    filename = f"chefsguider-mina-uppgifter-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@throttling.limit_password_guesses(throttling.own_account)  # a borrowed session must not test passwords
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_member(user)
        return redirect(reverse("membership:account_deleted"))
    return render(request, "membership/delete_account.html", {"form": form})


def account_deleted(request):
    return render(request, "membership/account_deleted.html")
