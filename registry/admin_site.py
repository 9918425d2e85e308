"""The registry's admin site: who may enter (everyone with a role in the register, not only
Django's "staff"), a login form that says what is wrong, the button to sign in through the
organisation's identity provider (registry/sso/) and "nog geen rol" for whoever signed in
without a role, the logout that also ends the provider's session, the password reset by
e-mail under its login, and "Website bekijken" to the public site ("/").

Installed through `registry.apps.RegistryAdminConfig` (instead of django.contrib.admin), so
`django.contrib.admin.site` is this site everywhere."""

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from registry import access, sso
from registry.signin.passwords import is_refused_demo_password
from registry.sso.logout import end_session_url


def may_enter(user) -> bool:
    """An active user who is an administrator or holds a role in the register."""
    return bool(user and user.is_active and (user.is_superuser or access.is_registry_user(user)))


def boolean_icon(value):
    """Django's yes / no / unknown icon, with Dutch text for screen readers."""
    icon, text = {True: ("yes", _("ja")), False: ("no", _("nee"))}.get(
        value, ("unknown", _("onbekend"))
    )
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


class LoginForm(AdminAuthenticationForm):
    """Says which it is: the name or password is wrong, the account is switched off, the
    account has no role in the register yet, or (outside development) it still has the demo
    password; the last two after the password was checked, so nothing is told to someone who
    does not know it. The second factor comes after this form (registry/signin/)."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. Let op "
            "hoofdletters; wachtwoord vergeten? Vraag hieronder een nieuw aan."
        ),
        "inactive": _("Dit account is uitgeschakeld. Vraag een beheerder het weer aan te zetten."),
        "no_role": _(
            "U bent bekend als %(username)s, maar heeft nog geen rol in het register (griffie, "
            "financiën, raadslid of toezichthouder). Vraag een beheerder u een rol te geven."
        ),
        "demo_password": _(
            "Dit account heeft nog het wachtwoord van de demo; daarmee kunt u zich hier niet "
            "aanmelden. Vraag hieronder een nieuw wachtwoord aan."
        ),
    }

    def get_invalid_login_error(self):
        """Django's backend refuses a switched-off account as if the password were wrong;
        with the right password, say that it is switched off."""
        username = self.cleaned_data.get("username")
        user = get_user_model()._default_manager.filter(username=username).first()
        password = self.cleaned_data.get("password")
        if user is not None and not user.is_active and password and user.check_password(password):
            return forms.ValidationError(self.error_messages["inactive"], code="inactive")
        return super().get_invalid_login_error()

    def confirm_login_allowed(self, user):
        if not user.is_active:
            raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
        if is_refused_demo_password(self.cleaned_data.get("password") or ""):
            # the documented demo password opens nothing outside development
            raise forms.ValidationError(self.error_messages["demo_password"], code="demo_password")
        if not may_enter(user):
            raise forms.ValidationError(
                self.error_messages["no_role"],
                code="no_role",
                params={"username": user.get_username()},
            )


class ScopedAutocompleteJsonView(AutocompleteJsonView):
    """The pickers' search (organisations, parties, ...): besides what Django's view gives
    (the rows the user reads that match the term), only what the form's field would accept
    (its own choices, such as the griffie's own organisations) and what the user may put in
    that field of a new record (`access.pickable`): nobody is offered what it may not pick,
    nor told what it may not read."""

    def get_queryset(self):
        queryset = super().get_queryset()
        source_model = self.source_field.model
        choices = self._field_choices(source_model)
        if choices is not None:
            queryset = queryset.filter(pk__in=choices.values("pk"))
        queryset = access.pickable(
            self.request.user, source_model, self.source_field.name, queryset
        )
        if not queryset.ordered:  # the pages of results in a fixed order, by name
            names = {f.name for f in queryset.model._meta.fields}
            queryset = queryset.order_by(*(["name"] if "name" in names else []), "pk")
        return queryset

    def _field_choices(self, source_model):
        """The choices of the form field that shows this picker: of the source model's own
        admin, or of an inline with that model; None when no admin renders one."""
        renderer = self.admin_site._registry.get(source_model)
        if renderer is None:
            for model_admin in self.admin_site._registry.values():
                for inline in model_admin.inlines:
                    if inline.model is source_model:
                        renderer = inline(model_admin.model, self.admin_site)
                        break
                if renderer is not None:
                    break
        if renderer is None:
            return None
        formfield = renderer.formfield_for_foreignkey(self.source_field, self.request)
        return getattr(formfield, "queryset", None)


class RegistryAdminSite(admin.AdminSite):
    site_header = _("Register verbonden partijen")
    site_title = _("Register verbonden partijen")
    index_title = _("Samenwerkingsverbanden en verbonden partijen")
    index_template = "registry/admin_index.html"  # adds the registry's own pages
    site_url = "/"  # "Website bekijken": the public pages
    login_form = LoginForm
    # The lists and forms get the whole width of a 1366-pixel screen; the index and the
    # breadcrumbs lead everywhere the sidebar did.
    enable_nav_sidebar = False

    def has_permission(self, request):
        return may_enter(request.user)

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """The login form, with "Inloggen met uw organisatie-account" when single sign-on
        is on; someone signed in without a role (an account the identity provider just
        made) gets the page that says so, with the way out."""
        user = request.user
        if request.method == "GET" and user.is_authenticated and not may_enter(user):
            context = {
                **self.each_context(request),
                "title": _("Nog geen rol"),
                "has_permission": False,
                "message": LoginForm.error_messages["no_role"]
                % {"username": user.get_full_name() or user.get_username()},
            }
            return TemplateResponse(request, "registry/no_role.html", context)
        context = {"sso_enabled": sso.enabled(), **(extra_context or {})}
        return super().login(request, context)

    def logout(self, request, extra_context=None):
        """Django's logout; a session that came through the identity provider then goes on
        to the provider's end_session_endpoint, to end the session there too."""
        back_to = request.POST.get("next") or "/"
        if not url_has_allowed_host_and_scheme(
            back_to, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back_to = "/"
        provider = end_session_url(request, back_to) if request.method == "POST" else None
        response = super().logout(request, extra_context)
        return redirect(provider) if provider else response

    def autocomplete_view(self, request):
        return ScopedAutocompleteJsonView.as_view(admin_site=self)(request)

    def index(self, request, extra_context=None):
        """A council member lands on the public pages (made for it), not on a list of
        tables; "Beheeromgeving" in the site's menu (?beheer=1) still opens the app list."""
        if access.council_only(request.user) and "beheer" not in request.GET:
            return redirect("site:home")
        return super().index(request, extra_context)


def password_reset_urls() -> list:
    """Django's password reset by e-mail, under the admin's login (its "Inloggegevens
    vergeten?" link) and with the admin's templates; the names are the ones Django's views
    and the e-mail template reverse. Mail goes out by EMAIL_BACKEND (the console in
    development)."""
    site = {
        "site_header": RegistryAdminSite.site_header,
        "site_title": RegistryAdminSite.site_title,
    }
    return [
        path(
            "",
            auth_views.PasswordResetView.as_view(extra_context=site),
            name="admin_password_reset",
        ),
        path(
            "verzonden/",
            auth_views.PasswordResetDoneView.as_view(extra_context=site),
            name="password_reset_done",
        ),
        path(
            "<uidb64>/<token>/",
            auth_views.PasswordResetConfirmView.as_view(extra_context=site),
            name="password_reset_confirm",
        ),
        path(
            "klaar/",
            auth_views.PasswordResetCompleteView.as_view(extra_context=site),
            name="password_reset_complete",
        ),
    ]
