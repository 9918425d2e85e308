"""Two middlewares after the authentication: the session's idle timeout and absolute lifetime,
and the second factor before anything else is opened."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from registry.signin import factors

SIGNED_IN_AT = "registry_signed_in_at"
LAST_SEEN = "registry_last_seen"
# The last request is written at most once a minute (not a session write on every page).
LAST_SEEN_RESOLUTION = 60


@receiver(user_logged_in)
def _remember_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now


class SessionLifetimeMiddleware:
    """Signs out after SESSION_IDLE_SECONDS without a request and SESSION_COOKIE_AGE after
    signing in (the cookie's own age ends it in the browser too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            now = int(time.time())
            signed_in_at = session.get(SIGNED_IN_AT, now)
            last_seen = session.get(LAST_SEEN, now)
            if now - last_seen > settings.SESSION_IDLE_SECONDS:
                self._sign_out(request, _("U was te lang niet actief en bent afgemeld."))
            elif now - signed_in_at > settings.SESSION_COOKIE_AGE:
                self._sign_out(request, _("Uw sessie duurde te lang en is beëindigd."))
            elif now - last_seen >= LAST_SEEN_RESOLUTION or LAST_SEEN not in session:
                session[LAST_SEEN] = now
                session.setdefault(SIGNED_IN_AT, signed_in_at)
        return self.get_response(request)

    @staticmethod
    def _sign_out(request, message: str) -> None:
        logout(request)
        messages.info(request, message + " " + _("Meld u opnieuw aan."))


# Open while the second factor is still to be given: its own pages, signing out, static files.
_OPEN_NAMES = ("second_factor", "second_factor_setup", "second_factor_qr", "admin:logout")


class SecondFactorMiddleware:
    """A user who must give a second factor (registry.signin.factors) and has not, is led to
    give it, or to set up the app when it has none, and may open nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and not self._is_open(request.path)
            and factors.must_give_second_factor(request)
        ):
            has_device = factors.has_device(request.user)
            name = "second_factor" if has_device else "second_factor_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(name)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        if path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        return any(path == reverse(name) for name in _OPEN_NAMES)
