# Root URLconf. The coaching app's own routes live in app_urls.py, because this
# package is both the project package and the coaching app.
from django.contrib import admin
from django.urls import include, path

from coaching.views import pages

urlpatterns = [
    path("healthz/", pages.healthz, name="healthz"),
    path("", include("coaching.app_urls")),
    path("accounts/", include("athletes.urls")),
    path("library/", include("library.urls")),
    path("coach/athletes/", include("athletes.roster_urls")),
    path("admin/", admin.site.urls),
]
