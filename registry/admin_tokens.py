"""API keys in the admin (administrators only): create one for a user or an organisation,
see the key once, revoke it ("Intrekken"). Never deleted, so the audit trail keeps naming
it; only the hash of its secret is stored (registry/tokens.py)."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from registry import audit, tokens
from registry.models import APIToken, AuditAction


def _audit(request, action, token) -> None:
    """A key made or revoked: an account with special rights given or taken (BIO 9.2.3)."""
    holder = token.user.get_username() if token.user_id else token.organisation.name
    audit.record(
        action=action,
        request=request,
        target=str(token),
        detail={"voor": holder, "bereik": token.scope},
    )


@admin.action(description=_("Geselecteerde API-sleutels intrekken"))
def revoke_tokens(model_admin, request, queryset):
    revoked = 0
    for token in queryset.filter(revoked_at__isnull=True):
        tokens.revoke(token)
        _audit(request, AuditAction.TOKEN_REVOKED, token)
        revoked += 1
    model_admin.message_user(
        request,
        ngettext("%(n)d API-sleutel ingetrokken.", "%(n)d API-sleutels ingetrokken.", revoked)
        % {"n": revoked},
        messages.SUCCESS,
    )


@admin.display(description=_("geldig"), boolean=True)
def is_valid(token):
    return token.is_valid()


@admin.register(APIToken)
class APITokenAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "prefix",
        "user",
        "organisation",
        "scope",
        is_valid,
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    list_select_related = ("user", "organisation")
    list_filter = ("scope",)
    search_fields = ("name", "prefix", "user__username", "organisation__name")
    autocomplete_fields = ("organisation",)
    actions = (revoke_tokens,)
    readonly_fields = ("prefix", "created_at", "created_by", "last_used_at", "revoked_at")

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("name", "user", "organisation", "scope", "expires_at")
        return (
            "name",
            "prefix",
            "user",
            "organisation",
            "scope",
            "expires_at",
            *self.readonly_fields[1:],
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        # who a key acts for and what it may do are fixed: make a new one instead
        return ("user", "organisation", "scope", *self.readonly_fields)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_view_permission

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            request._new_api_key = tokens.issue(obj)
        super().save_model(request, obj, form, change)
        if not change:
            _audit(request, AuditAction.TOKEN_CREATED, obj)

    def response_add(self, request, obj, post_url_continue=None):
        """The key, once: on this page, never stored, never in a message or a cookie."""
        context = {
            **self.admin_site.each_context(request),
            "title": _("API-sleutel aangemaakt"),
            "token": obj,
            "key": request._new_api_key,
            "opts": self.opts,
        }
        response = TemplateResponse(request, "admin/registry/apitoken/created.html", context)
        response["Cache-Control"] = "no-store"
        return response
