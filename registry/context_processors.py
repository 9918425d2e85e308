from pathlib import Path

from registry import access
from registry.models import RoleKind


def documents(request):
    """Which pages the admin index offers beside the models: the agenda and the spreadsheets
    (every registry user), the paragraph export (finance staff and administrators) and the
    overview map of a province (its supervisor and administrators)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "show_paragraph_link": False,
            "show_agenda_link": False,
            "show_spreadsheets_link": False,
            "show_confirmations_link": False,
            "overview_provinces": (),
        }
    g = access.grants(user)
    return {
        "show_paragraph_link": g.is_admin or bool(g.orgs(RoleKind.FINANCE)),
        "show_agenda_link": g.has_any_role,
        "show_spreadsheets_link": g.has_any_role,
        "show_confirmations_link": g.is_admin
        or bool(g.orgs(RoleKind.GRIFFIE, RoleKind.SUPERVISOR)),
        # the provinces whose overview map the user may make; read only where a page shows it
        "overview_provinces": lambda: list(access.supervised_provinces(user)),
    }


def site(request):
    """What every public page needs: the site's name and look, and whether the reader may
    go to the admin (registry users)."""
    from django.conf import settings

    user = getattr(request, "user", None)
    theme = settings.SITE_THEME_DIR
    return {
        "site_name": settings.SITE_NAME,
        "site_theme": bool(theme),
        "site_logo": bool(theme) and (Path(theme) / "logo.svg").exists(),
        "site_is_registry_user": bool(user and access.is_registry_user(user)),
    }
