from functools import wraps

from django.core.exceptions import PermissionDenied


def _role_required(flag: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            # LoginRequiredMiddleware has already sent anonymous visitors to sign in.
            if not getattr(request.user, flag, False):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


coach_required = _role_required("is_coach")
athlete_required = _role_required("is_athlete")
