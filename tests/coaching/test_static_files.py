from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_writes_brotli_and_gzip_copies_for_whitenoise(tmp_path):
    # Only the vendored files: compressing the admin's hundreds too takes a minute.
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=PRODUCTION_STORAGE,
        STATICFILES_DIRS=[("vendor", settings.BASE_DIR / "static" / "vendor")],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    styles = list(Path(tmp_path, "vendor").glob("bootstrap-*.min.*.css"))
    assert styles, "no hashed Bootstrap stylesheet collected"
    for style in styles:
        assert Path(f"{style}.br").stat().st_size < style.stat().st_size / 4
        assert Path(f"{style}.gz").exists()
