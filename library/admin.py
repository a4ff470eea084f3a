from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from library.models import (
    Equipment,
    Exercise,
    ExerciseVariation,
    KeyFigure,
    Muscle,
    MuscleGroup,
    Source,
    Status,
    TechniqueGuide,
)
from library.signals import library_changed


class CuratedAdmin(admin.ModelAdmin):
    """Publishing actions, and the curated flag that keeps `load_library` off a row."""

    actions = ["publish", "unpublish"]

    def view_on_site(self, obj):
        # Drafts have no public page yet.
        return obj.get_absolute_url() if obj.is_published else None

    def save_model(self, request, obj, form, change):
        if "is_curated" not in form.changed_data:
            obj.is_curated = True
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected items"))
    def publish(self, request, queryset):
        count = queryset.update(status=Status.PUBLISHED, is_curated=True)
        library_changed()  # update() sends no signal
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected items (back to draft)"))
    def unpublish(self, request, queryset):
        count = queryset.update(status=Status.DRAFT, is_curated=True)
        library_changed()
        self.message_user(
            request,
            ngettext("%d item unpublished.", "%d items unpublished.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("key", "title")
    search_fields = ("title", "key")


@admin.register(MuscleGroup)
class MuscleGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    list_editable = ("position",)
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Muscle)
class MuscleAdmin(admin.ModelAdmin):
    list_display = ("name", "group")
    list_filter = ("group",)
    list_select_related = ("group",)
    search_fields = ("name", "group__name")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class VariationInline(admin.TabularInline):
    model = ExerciseVariation
    fk_name = "exercise"
    extra = 1
    autocomplete_fields = ("variant",)
    verbose_name = _("variation")
    verbose_name_plural = _("variations (harder, easier or alternative exercises)")


@admin.register(Exercise)
class ExerciseAdmin(CuratedAdmin):
    list_display = ("name", "kind", "emphasis", "status", "is_unilateral", "tempo", "is_curated")
    list_filter = ("status", "kind", "emphasis", "is_unilateral", "equipment", "is_curated")
    search_fields = ("name", "summary", "primary_muscles__name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("primary_muscles", "secondary_muscles", "equipment")
    filter_horizontal = ("sources",)
    inlines = [VariationInline]
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "status", "summary")}),
        (_("How to do it"), {"fields": ("steps", "cues", "safety")}),
        (
            _("Muscles and equipment"),
            {
                "fields": (
                    "primary_muscles",
                    "secondary_muscles",
                    "equipment",
                    "is_unilateral",
                    "emphasis",
                )
            },
        ),
        (
            _("Default prescription"),
            {
                "fields": (
                    ("sets", "reps_min", "reps_max", "per_side"),
                    ("hold_seconds", "distance_m", "ground_contacts", "duration_seconds"),
                    ("tempo", "rest_seconds"),
                    "prescription_note",
                    "prescription_from_source",
                )
            },
        ),
        (_("Provenance"), {"fields": ("sources", "is_curated", "created_at", "updated_at")}),
    )


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 1
    fields = ("position", "statement", "study")


@admin.register(TechniqueGuide)
class TechniqueGuideAdmin(CuratedAdmin):
    list_display = ("title", "status", "is_curated", "updated_at")
    list_filter = ("status", "is_curated", "muscle_groups")
    search_fields = ("title", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("exercises", "muscle_groups")
    filter_horizontal = ("sources",)
    inlines = [KeyFigureInline]
    fields = (
        "title",
        "slug",
        "status",
        "summary",
        "body",
        "exercises",
        "muscle_groups",
        "sources",
        "is_curated",
    )
