"""Who must give a second factor, whether this session did, and the devices it is given with
(django-otp: a TOTP app and recovery codes).

A session is verified when django-otp's login stored the device in it (`otp_device_id`); the
check reads the session only, so it costs no query on every page. Sessions live on the
server, so the key cannot be forged; a device removed by an administrator asks for the factor
again at the next sign-in."""

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from registry import access
from registry.models import RoleKind
from registry.signin import demo

# The identity provider's backend (point 1 of issue 17): its users gave their factors there.
SSO_BACKEND = "registry.sso.backend.RegistryOIDCBackend"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"


def came_through_identity_provider(request) -> bool:
    """Signed in by the identity provider (which asked its own factors), not by password."""
    return request.session.get(BACKEND_SESSION_KEY) == SSO_BACKEND


def requires_second_factor(user) -> bool:
    """Administrators and supervisors always; the roles in REGISTRY_TWO_FACTOR_ROLES too."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    kinds = {RoleKind.SUPERVISOR, *settings.TWO_FACTOR_ROLES}
    return any(kind in kinds for kind in access.grants(user).by_role)


def is_verified(request) -> bool:
    return bool(request.session.get(DEVICE_ID_SESSION_KEY))


def must_give_second_factor(request) -> bool:
    """Signed in with a password, required to give a second factor, and not given it yet."""
    return (
        requires_second_factor(request.user)
        and not came_through_identity_provider(request)
        and not is_verified(request)
    )


def has_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def unconfirmed_app(user) -> TOTPDevice:
    """The app being set up: one per user, with a new secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def new_recovery_codes(user) -> list[str]:
    """Ten new codes that each work once; the old ones stop working. Shown once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def forget_devices(user) -> int:
    """The user's app and recovery codes removed: it sets up a new app at its next sign-in.
    How many devices there were."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        count += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return count


def usable(device):
    """The device a code matched, unless it is a demo device outside development (its secret
    is in the README)."""
    if device is None:
        return None
    if not settings.DEBUG and isinstance(device, TOTPDevice) and demo.is_demo_device(device):
        return None
    return device
