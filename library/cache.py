"""Rendered library pages, kept in Django's cache until the library changes.

The library reads the same for every signed-in user and changes only when staff edit it
in the admin or `load_library` runs, so its pages are rendered once and served from the
cache. Every key carries the library's version, a random token replaced whenever a library
row is saved or deleted (signals connected in `LibraryConfig.ready`), a many-to-many link
changes, the admin's bulk actions run or the loader finishes: the next request then renders
afresh, and the old entries expire on their own.

Only what every signed-in user sees goes in: no CSRF token, no user, no role."""

import hashlib
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from caching.versions import LIBRARY, changed, version_key, versions

VERSION_KEY = version_key(LIBRARY)
FRAGMENT_SECONDS = 60 * 60


def library_version() -> str:
    return versions([LIBRARY])[0]


def library_changed() -> None:
    changed([LIBRARY])


def cached_render[T](name: str, parts: tuple, render: Callable[[], T]) -> T:
    """What `render()` returns for these parts, rendered once per library version and
    language. `parts` must hold everything else the result depends on."""
    if not settings.CACHE_READS:
        return render()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"library:{name}:{library_version()}:{get_language()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value, FRAGMENT_SECONDS)
    return value


# Per-item HTML (exercise cards), kept in this process's memory rather than in the cache:
# a muscle group lists dozens of cards and a local-memory cache holds 300 entries, so
# storing them there would push out the pages and the version itself. The whole library
# fits easily, and a new version or language starts afresh.
_items_rendered: dict[tuple[str, str], tuple[str, dict]] = {}


def cached_each[K, V](
    name: str, items: dict[K, V], render: Callable[[list[V]], list[str]]
) -> dict[K, str]:
    """The HTML of each item, rendered once per library version and language (its key in
    `items` must say everything else it depends on) and shared by every page listing it.
    `render` gets the items not rendered yet, in one call."""
    if not settings.CACHE_READS:
        return dict(zip(items, render(list(items.values())), strict=True))
    version = library_version()
    memo_key = (name, get_language())
    memo = _items_rendered.get(memo_key)
    if memo is None or memo[0] != version:
        memo = _items_rendered[memo_key] = (version, {})
    rendered = memo[1]
    missing = [key for key in items if key not in rendered]
    if missing:
        rendered.update(zip(missing, render([items[key] for key in missing]), strict=True))
    return {key: rendered[key] for key in items}


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
