"""The registry's own user admin (administrators only): a person, whether they may sign in,
whether they are an administrator, and their roles in the register. Django's groups and
permissions are not used by the registry (registry.access decides from the roles), so they
are not offered; a role is what lets someone sign in (registry.admin_site.may_enter)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from registry import writes
from registry.models import Role
from registry.signin.factors import forget_devices

User = get_user_model()

LABELS = {
    "username": (
        _("gebruikersnaam"),
        _("Waarmee iemand inlogt, bijvoorbeeld voornaam.achternaam."),
    ),
    "email": (
        _("e-mailadres"),
        _("Voor de herinneringen van het register en om een nieuw wachtwoord aan te vragen."),
    ),
    "is_active": (
        _("mag inloggen"),
        _("Uitzetten in plaats van verwijderen: de geschiedenis blijft dan bij de naam."),
    ),
    "is_superuser": (
        _("beheerder"),
        _(
            "Een beheerder mag alles in het register, ook organisaties, thema's, termijnen en "
            "rollen bijhouden. Anderen krijgen een rol hieronder."
        ),
    ),
}


class _Labelled:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, help_text) in LABELS.items():
            if name in self.fields:
                self.fields[name].label, self.fields[name].help_text = label, help_text


class RegistryUserChangeForm(_Labelled, UserChangeForm):
    pass


class RegistryUserCreationForm(_Labelled, AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        fields = ("username", "first_name", "last_name", "email")


class RoleInline(admin.TabularInline):
    model = Role
    extra = 1
    autocomplete_fields = ("organisation",)
    verbose_name = _("rol in het register")
    verbose_name_plural = _(
        "Rollen in het register (met een rol kan iemand inloggen en ziet die wat bij de rol hoort)"
    )


@admin.display(description=_("rollen"))
def role_list(user):
    return "; ".join(
        f"{role.get_kind_display()} – {role.organisation.name}"
        for role in user.registry_roles.all()
    ) or ("—" if not user.is_superuser else _("beheerder"))


admin.site.unregister(User)
admin.site.unregister(Group)  # the registry's rights come from roles, not groups


@admin.register(User)
class RegistryUserAdmin(UserAdmin):
    form = RegistryUserChangeForm
    add_form = RegistryUserCreationForm
    inlines = (RoleInline,)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email")}),
        (_("Toegang"), {"fields": ("is_active", "is_superuser")}),
        (_("Datums"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    list_display = ("username", "get_full_name", "email", role_list, "is_superuser", "is_active")
    list_filter = ("is_superuser", "is_active", "registry_roles__kind")
    filter_horizontal = ()
    actions = ("reset_second_factor",)

    @admin.action(description=_("Tweede stap opnieuw laten instellen (app en herstelcodes kwijt)"))
    def reset_second_factor(self, request, queryset):
        """For a user who lost its phone and its recovery codes: its devices are removed and
        it sets up a new app after its next password (README "Two factors, ...")."""
        if not request.user.is_superuser:
            raise PermissionDenied
        users = list(queryset)
        for user in users:
            forget_devices(user)
        self.message_user(
            request,
            _("%(count)d gebruiker(s) stellen bij de volgende aanmelding een nieuwe app in.")
            % {"count": len(users)},
            messages.SUCCESS,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("registry_roles__organisation")

    @admin.display(description=_("naam"), ordering="last_name")
    def get_full_name(self, user):
        return user.get_full_name()

    def save_formset(self, request, form, formset, change):
        """Roles through registry.writes, with the write check and their history."""
        formset.save(commit=False)
        for role in formset.deleted_objects:
            writes.delete(user=request.user, record=role)
        for row in formset.forms:
            if row in formset.deleted_forms or not row.has_changed():
                continue
            writes.save(user=request.user, record=row.instance, changed=row.changed_data)
