"""The sign-in through the identity provider: `StartView` sends the browser to the
provider's authorization endpoint (with state, nonce and PKCE), `CallbackView` takes the
code back (the redirect URI the provider is configured with: /oidc/callback/). Both answer
404 when single sign-on is off; what goes wrong is told in Dutch on the login page."""

import logging

import requests
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc import views as oidc_views
from mozilla_django_oidc.utils import import_from_settings

from registry import sso
from registry.sso import discovery

logger = logging.getLogger(__name__)


def _setting(attr, *args):
    """mozilla-django-oidc's settings, with the provider's endpoints from discovery."""
    if attr in discovery.ENDPOINTS:
        return discovery.endpoint(attr)
    return import_from_settings(attr, *args)


def _back_to_login(request, message):
    messages.error(request, message)
    return redirect("admin:login")


UNAVAILABLE = _(
    "Inloggen met uw organisatie-account lukt nu niet: de identiteitsprovider van uw "
    "organisatie antwoordt niet. Probeer het later opnieuw, of log in met uw wachtwoord."
)
NOT_SIGNED_IN = _(
    "Inloggen met uw organisatie-account is niet gelukt (afgebroken, verlopen of niet "
    "herkend). Probeer het opnieuw; lukt het niet, vraag dan uw beheerder."
)
SWITCHED_OFF = _("Dit account is uitgeschakeld. Vraag een beheerder het weer aan te zetten.")


class StartView(oidc_views.OIDCAuthenticationRequestView):
    get_settings = staticmethod(_setting)

    def __init__(self, *args, **kwargs):
        # the endpoint is read in get(), where an unreachable provider can be told
        super(oidc_views.OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        if not sso.enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = self.get_settings("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except discovery.ProviderUnavailable as error:
            logger.warning("Identiteitsprovider niet bereikbaar: %s", error)
            return _back_to_login(request, UNAVAILABLE)
        self.OIDC_RP_CLIENT_ID = self.get_settings("OIDC_RP_CLIENT_ID")
        return super().get(request)


class CallbackView(oidc_views.OIDCAuthenticationCallbackView):
    get_settings = staticmethod(_setting)
    reason = NOT_SIGNED_IN

    def get(self, request):
        if not sso.enabled():
            raise Http404
        try:
            return super().get(request)
        except (discovery.ProviderUnavailable, requests.RequestException) as error:
            logger.warning("Identiteitsprovider niet bereikbaar: %s", error)
            self.reason = UNAVAILABLE
        except SuspiciousOperation as error:
            logger.warning("Aanmelding via de identiteitsprovider geweigerd: %s", error)
        return self.login_failure()

    def login_failure(self):
        user = getattr(self, "user", None)
        if user is not None and not user.is_active:
            self.reason = SWITCHED_OFF
        return _back_to_login(self.request, self.reason)
