"""Bulk demo data for benchmarks and for trying the app at size: coaches, their athletes
and the library. `make bench` seeds its databases with it (see bench/ and
docs/performance.md); `load_demo` stays the small, hand-written set that `make run` prints.

Extend it one concern at a time: each kind of data has its own `_seed_*` function, called
in order from `handle`, so that a new model adds a function rather than a branch."""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from library.services import library_load_bundled

# Every seeded account lives under this domain (.test is reserved, so it can never be a
# real address): --fresh deletes exactly these accounts and nobody else.
SEED_DOMAIN = "seed.drivephase.test"
ATHLETES_PER_COACH = 25
# --scale shorthands. The bench runs S and M (10 x S); weeks stay the same at every
# scale so that 10 x the athletes means 10 x the programmes and logs, not 100 x.
SCALES = {"S": 50, "M": 500, "L": 5000}
DEFAULT_WEEKS = 12
BATCH_SIZE = 500
# The demo password the README publishes (load_demo's); the bench passes its own.
DEFAULT_PASSWORD = "run-strong-2026"  # noqa: S105

_FIRST = ["Ada", "Ben", "Cleo", "Dev", "Esme", "Finn", "Gita", "Hugo", "Iris", "Jon", "Kai"]
_LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Byrne", "Haddad"]


def seed_email(role: str, number: int) -> str:
    """The address of the number-th seeded coach or athlete, counting from 1."""
    return f"{role}-{number:05d}@{SEED_DOMAIN}"


def _name(number: int) -> str:
    first = _FIRST[number % len(_FIRST)]
    last = _LAST[(number // len(_FIRST)) % len(_LAST)]
    return f"{first} {last} {number}"


class Command(BaseCommand):
    help = (
        "Seed demo coaches and athletes in bulk (1 coach per 25 athletes) and load the "
        "library. Without --fresh it only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            default="S",
            help="Shorthand for the number of athletes: "
            + ", ".join(f"{k}={v}" for k, v in SCALES.items())
            + ". Default: S.",
        )
        parser.add_argument("--athletes", type=int, help="Number of athletes (overrides --scale).")
        parser.add_argument(
            "--weeks",
            type=int,
            default=DEFAULT_WEEKS,
            help=f"Weeks of programmes and logs per athlete. Default: {DEFAULT_WEEKS}.",
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help=f"Delete every account under @{SEED_DOMAIN} (and what hangs off it) first.",
        )
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help="Password of every seeded account. Default: the published demo password.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even with DEBUG off (the benchmark's production-like server does).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Seeded accounts share one password; refusing with DEBUG off. "
                "Pass --allow-production for a benchmark or staging database."
            )
        athletes = options["athletes"]
        if athletes is None:
            athletes = SCALES[options["scale"]]
        weeks = options["weeks"]
        if athletes < 1 or weeks < 0:
            raise CommandError("--athletes must be at least 1 and --weeks at least 0.")
        coaches = math.ceil(athletes / ATHLETES_PER_COACH)

        with transaction.atomic():
            if options["fresh"]:
                deleted = _wipe()
                self.stdout.write(f"Deleted {deleted} seeded accounts.")
            report = library_load_bundled()
            coach_users, athlete_users = _seed_people(
                coaches=coaches, athletes=athletes, password=options["password"]
            )
            _seed_programmes_and_logs(coaches=coach_users, athletes=athlete_users, weeks=weeks)
        _refresh_planner_statistics()

        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {len(coach_users)} coaches and {len(athlete_users)} athletes "
                f"(@{SEED_DOMAIN}); library: {report}."
            )
        )


def _refresh_planner_statistics() -> None:
    """ANALYZE after a bulk load. Until autovacuum gets round to it, PostgreSQL plans with
    the statistics of the empty tables and picks sequential scans and hash joins over
    hundreds of thousands of set logs (the session page took 250 ms of SQL instead of
    1 ms). SQLite has no statistics until ANALYZE writes sqlite_stat1."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _wipe() -> int:
    User = get_user_model()
    seeded = User.objects.filter(email__endswith=f"@{SEED_DOMAIN}")
    count = seeded.count()
    seeded.delete()
    return count


def _seed_people(*, coaches: int, athletes: int, password: str) -> tuple[list, list]:
    """Coaches and athletes, inserted in bulk. Existing addresses are left as they are,
    so a second run without --fresh adds only the missing accounts."""
    User = get_user_model()
    # One hash for every row: hashing is deliberately slow (PBKDF2, 1.5 M iterations).
    hashed = make_password(password)
    rows = [
        User(email=seed_email("coach", n), name=_name(n), password=hashed, is_coach=True)
        for n in range(1, coaches + 1)
    ] + [
        User(email=seed_email("athlete", n), name=_name(n), password=hashed, is_athlete=True)
        for n in range(1, athletes + 1)
    ]
    User.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)

    # Read back with primary keys (bulk inserts that ignore conflicts do not return them).
    wanted_coaches = [seed_email("coach", n) for n in range(1, coaches + 1)]
    wanted_athletes = [seed_email("athlete", n) for n in range(1, athletes + 1)]
    by_email = {
        user.email: user
        for user in User.objects.filter(email__endswith=f"@{SEED_DOMAIN}").order_by("email")
    }
    return (
        [by_email[email] for email in wanted_coaches],
        [by_email[email] for email in wanted_athletes],
    )


def _seed_programmes_and_logs(*, coaches: list, athletes: list, weeks: int) -> None:
    """Athlete n is coached by coaches[(n - 1) // ATHLETES_PER_COACH]; each coach's group
    gets a programme of `weeks` weeks with the past weeks logged set by set
    (coaching.seeding, bulk inserts). --fresh removes it all through the accounts."""
    from django.utils import timezone

    from coaching.seeding import seed_training

    seed_training(
        coaches=coaches,
        athletes=athletes,
        weeks=weeks,
        per_coach=ATHLETES_PER_COACH,
        today=timezone.localdate(),
    )
