import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coaching.settings")

application = get_wsgi_application()

# Everything loaded so far (Django, our modules, the URLconf) lives as long as the
# process: moved out of the garbage collector's sight, so its collections during a request
# walk that request's objects only. A page with twenty forms spent a third of its CPU time
# in collections walking these.
gc.freeze()
