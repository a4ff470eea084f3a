from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from athletes.models import AthleteProfile, Coaching, CoachProfile, Invitation, Squad, User


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ("email",)
    list_display = ("email", "name", "is_coach", "is_athlete", "is_staff", "is_active")
    list_filter = ("is_coach", "is_athlete", "is_staff", "is_active")
    search_fields = ("email", "name")
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("name", "is_coach", "is_athlete")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "name", "usable_password", "password1", "password2"),
            },
        ),
    )


@admin.register(AthleteProfile)
class AthleteProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "goal_event", "goal_date", "experience", "weekly_km", "units")
    list_filter = ("goal_event", "experience", "units")
    search_fields = ("user__email", "user__name")
    list_select_related = ("user",)
    autocomplete_fields = ("user",)


@admin.register(CoachProfile)
class CoachProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "club")
    search_fields = ("user__email", "user__name", "club")
    list_select_related = ("user",)
    autocomplete_fields = ("user",)


@admin.register(Coaching)
class CoachingAdmin(admin.ModelAdmin):
    list_display = ("coach", "athlete", "started_at", "ended_at")
    list_filter = ("ended_at",)
    search_fields = ("coach__email", "athlete__email")
    list_select_related = ("coach", "athlete")
    autocomplete_fields = ("coach", "athlete")


@admin.register(Squad)
class SquadAdmin(admin.ModelAdmin):
    list_display = ("name", "coach")
    search_fields = ("name", "coach__email")
    list_select_related = ("coach",)
    autocomplete_fields = ("coach", "members")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "coach", "created_at", "expires_at", "accepted_at", "revoked_at")
    search_fields = ("email", "coach__email")
    list_select_related = ("coach",)
    readonly_fields = ("token_hash", "created_at", "sent_at", "send_count", "accepted_by")
    autocomplete_fields = ("coach", "squad")
