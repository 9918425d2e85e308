"""Password rules beyond Django's (settings.AUTH_PASSWORD_VALIDATORS): the demo password is
refused outside development, and, when REGISTRY_PWNED_PASSWORDS_URL is set, a password found
in the Pwned Passwords corpus (its k-anonymity range API: only the first five characters of
the SHA-1 leave the server)."""

import hashlib
import logging
import urllib.request

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from registry.signin.demo import DEMO_PASSWORD

log = logging.getLogger(__name__)


def is_refused_demo_password(password: str) -> bool:
    """The documented demo password, outside development."""
    return not settings.DEBUG and password == DEMO_PASSWORD


def check_demo_users_password(password: str) -> None:
    """Outside development the demo users' password must pass every validator (so never the
    documented demo password); raises ValidationError."""
    if not settings.DEBUG:
        validate_password(password)


class DemoPasswordValidator:
    def validate(self, password, user=None):
        if is_refused_demo_password(password):
            raise ValidationError(
                _("Dit is het wachtwoord van de demo; kies een eigen wachtwoord."),
                code="demo_password",
            )

    def get_help_text(self):
        return _("Uw wachtwoord mag niet het wachtwoord van de demo zijn.")


class PwnedPasswordValidator:
    """Off unless settings.PWNED_PASSWORDS_URL is set. When the service cannot be reached the
    password is let through (logged): the offline list of Django's CommonPasswordValidator
    still applies."""

    timeout = 3

    def validate(self, password, user=None):
        url = settings.PWNED_PASSWORDS_URL
        if not url:
            return
        digest = hashlib.sha1(password.encode()).hexdigest().upper()
        prefix, suffix = digest[:5], digest[5:]
        try:
            request = urllib.request.Request(
                url.rstrip("/") + "/" + prefix, headers={"Add-Padding": "true"}
            )
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read().decode()
        except OSError as error:
            log.warning("Pwned Passwords niet bereikbaar: %s", error)
            return
        for line in body.splitlines():
            found, _sep, count = line.strip().partition(":")
            if found.upper() == suffix and int(count or 0) > 0:
                raise ValidationError(
                    _(
                        "Dit wachtwoord komt voor in gelekte wachtwoordbestanden (Pwned "
                        "Passwords); kies een ander."
                    ),
                    code="pwned_password",
                )

    def get_help_text(self):
        if not settings.PWNED_PASSWORDS_URL:
            return ""
        return _("Uw wachtwoord mag niet voorkomen in gelekte wachtwoordbestanden.")
