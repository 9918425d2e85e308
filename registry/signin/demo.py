"""The demo accounts' way in for `make run` (README "Two factors, lockout, sessions and
passwords"): in development only, the accounts that need a second factor get an app device
with this documented secret, and `manage.py demo_code <user>` prints its current code.

Outside development (DEBUG off) none of it works: load_demo_data gives no demo device,
demo_code refuses, a code of a device with this secret is refused, and the demo password is
refused as a password and at sign-in (registry.signin.passwords)."""

import base64

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEMO_PASSWORD = "demo-wachtwoord"  # the Makefile's DEMO_PASSWORD, in the README
DEMO_DEVICE_NAME = "Demo-app (alleen ontwikkeling)"
# 20 bytes: "demo-tweede-factor!!"; base32 for an authenticator app in the README.
DEMO_TOTP_KEY = b"demo-tweede-factor!!".hex()
DEMO_TOTP_KEY_BASE32 = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()


def is_demo_device(device) -> bool:
    return device.key == DEMO_TOTP_KEY


def require_development(what: str) -> None:
    if not settings.DEBUG:
        raise ImproperlyConfigured(
            f"{what} bestaat alleen in ontwikkeling (DJANGO_DEBUG=1), nooit in productie."
        )


def give_demo_device(user):
    """The documented app device (development only; replaces the user's app devices)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    require_development("De demo-app")
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(
        user=user, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True
    )


def give_demo_devices(usernames) -> list[str]:
    """In development, the demo accounts that need a second factor get the demo app; the
    names of those that got it."""
    from django.contrib.auth import get_user_model

    from registry.signin.factors import requires_second_factor

    if not settings.DEBUG:
        return []
    given = []
    for user in get_user_model().objects.filter(username__in=usernames).order_by("username"):
        if requires_second_factor(user):
            give_demo_device(user)
            given.append(user.get_username())
    return given


def current_code(user) -> str:
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    require_development("demo_code")
    device = TOTPDevice.objects.filter(user=user, key=DEMO_TOTP_KEY).first()
    if device is None:
        raise LookupError(user.get_username())
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
