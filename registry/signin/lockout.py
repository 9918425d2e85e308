"""The page django-axes shows after too many failed sign-ins (settings.AXES_LOCKOUT_CALLABLE),
in Dutch, with how long to wait."""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from registry.admin_site import RegistryAdminSite


def lockout_response(request, original_response=None, credentials=None):
    minutes = max(1, math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(
        request,
        "registry/signin/locked_out.html",
        {
            "site_header": RegistryAdminSite.site_header,
            "site_title": RegistryAdminSite.site_title,
            "title": _("Te veel mislukte pogingen"),
            "minutes": minutes,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
