from dataclasses import dataclass

from django.db import transaction

from athletes.models import User

# Published in the README on purpose: demo accounts exist only with DEBUG on.
DEMO_PASSWORD = "run-strong-2026"  # noqa: S105


@dataclass(frozen=True)
class DemoLogin:
    email: str
    role: str


DEMO_PEOPLE = [
    {"email": "coach@example.com", "name": "Casey Coach", "is_coach": True, "role": "coach"},
    {"email": "runner@example.com", "name": "Riley Runner", "is_athlete": True, "role": "athlete"},
    {
        "email": "admin@example.com",
        "name": "Alex Admin",
        "is_staff": True,
        "is_superuser": True,
        "role": "staff (admin and library curation)",
    },
]


@transaction.atomic
def demo_data_load() -> list[DemoLogin]:
    """Create the demo accounts once. Existing accounts keep everything, password included,
    so running `make run` again never undoes what someone changed while trying the app."""
    logins = []
    for person in DEMO_PEOPLE:
        fields = {k: v for k, v in person.items() if k not in {"email", "role"}}
        user, created = User.objects.get_or_create(email=person["email"], defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        logins.append(DemoLogin(email=user.email, role=person["role"]))
    return logins
