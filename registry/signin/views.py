"""The second factor's pages under /admin/tweede-factor/: give the code, set up the app (its
QR code served as SVG by a view of its own), and the recovery codes shown once."""

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token

from registry.admin_site import RegistryAdminSite
from registry.signin import factors
from registry.signin.forms import CodeForm

TEMPLATES = "registry/signin/"


def _next(request) -> str:
    """Where to go after the second factor: a path on this site, else the admin's start.
    Only a path (starting with one "/"): `redirect()` would take a bare word for a URL name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    if allowed and target.startswith("/"):
        return target
    return "/admin/"


def _context(request, **values) -> dict:
    return {
        "site_header": RegistryAdminSite.site_header,
        "site_title": RegistryAdminSite.site_title,
        "next": _next(request),
        **values,
    }


@never_cache
@sensitive_post_parameters("code")
@login_required
def second_factor(request):
    """The code from the app or a recovery code (each recovery code works once)."""
    if not factors.has_device(request.user):
        return redirect(f"{_setup_url()}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = factors.usable(match_token(request.user, form.cleaned_data["code"]))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "code",
            _(
                "Deze code klopt niet of is verlopen. Typ de code die de app nu toont, of een "
                "herstelcode die u nog niet gebruikte."
            ),
        )
    return render(
        request,
        TEMPLATES + "second_factor.html",
        _context(request, form=form, title=_("Tweede stap")),
    )


@never_cache
@sensitive_post_parameters("code")
@login_required
def second_factor_setup(request):
    """Set up the app: scan the QR code (or type the key), confirm with a code; then the
    recovery codes, once. Only for a user without a device: a stolen password does not add one."""
    if factors.has_device(request.user):
        return redirect(f"{_verify_url()}?{request.GET.urlencode()}")
    device = factors.unconfirmed_app(request.user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = factors.new_recovery_codes(request.user)
            return render(
                request,
                TEMPLATES + "recovery_codes.html",
                _context(request, codes=codes, title=_("Uw herstelcodes")),
            )
        form.add_error("code", _("Deze code klopt niet. Typ de zes cijfers die de app nu toont."))
    key = base64.b32encode(device.bin_key).decode()
    return render(
        request,
        TEMPLATES + "setup.html",
        _context(
            request,
            form=form,
            key=" ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            title=_("Tweede stap instellen"),
        ),
    )


@never_cache
@login_required
def second_factor_qr(request):
    """The QR code of the app being set up (its otpauth:// address), as SVG."""
    if factors.has_device(request.user):
        return HttpResponse(status=404)
    device = factors.unconfirmed_app(request.user)
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


def _setup_url() -> str:
    return reverse("second_factor_setup")


def _verify_url() -> str:
    return reverse("second_factor")
