from registry import access
from registry.models import RoleKind


def documents(request):
    """Whether the admin index offers the paragraph export (finance staff and administrators)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show_paragraph_link": False}
    g = access.grants(user)
    return {"show_paragraph_link": g.is_admin or bool(g.orgs(RoleKind.FINANCE))}
