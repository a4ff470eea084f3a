"""The library's version (caching.versions.LIBRARY) is replaced on every library change.

The library reads the same for every signed-in user and changes only when staff edit it in
the admin or `load_library` runs, so what its pages show is cached under the library's
version. Saving or deleting a library row, a change to a many-to-many link (signals
connected in `LibraryConfig.ready`), the admin's bulk actions and the loader (which call
`library_changed` themselves: update() and bulk_create() send no signal) replace it; the
next request then reads afresh, and the old entries expire on their own."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from caching.versions import LIBRARY, changed


def library_changed() -> None:
    changed([LIBRARY])


def _on_save_or_delete(sender, **kwargs) -> None:
    library_changed()


def _on_m2m_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        library_changed()


def connect_signals() -> None:
    for model in apps.get_app_config("library").get_models(include_auto_created=True):
        uid = f"library-cache-{model._meta.label_lower}"
        if model._meta.auto_created:
            m2m_changed.connect(_on_m2m_changed, sender=model, dispatch_uid=uid)
        else:
            post_save.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
            post_delete.connect(_on_save_or_delete, sender=model, dispatch_uid=uid)
