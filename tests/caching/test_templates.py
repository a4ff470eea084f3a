"""Cached HTML is keyed on its templates' version: an edited template shows on the next
request, in development as in production, with no code path of its own."""

import os

from django.test import override_settings

from caching import templates


def test_an_edited_template_gets_a_new_version_without_a_restart(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>before</p>")
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [str(tmp_path)],
        "OPTIONS": {"loaders": ["django.template.loaders.filesystem.Loader"]},
    }
    with override_settings(TEMPLATES=[engine]):
        templates._path_of.cache_clear()
        before = templates.template_version("page.html")
        assert templates.template_version("page.html") == before
        page.write_text("<p>after</p>")
        stat = page.stat()
        os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert templates.template_version("page.html") != before
    templates._path_of.cache_clear()
