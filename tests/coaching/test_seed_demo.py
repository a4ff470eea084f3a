import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import connection

from athletes.models import User
from coaching.management.commands.seed_demo import SEED_DOMAIN, seed_email
from library.models import Exercise


def seeded(**filters) -> int:
    return User.objects.filter(email__endswith=f"@{SEED_DOMAIN}", **filters).count()


def seed(**options) -> None:
    call_command("seed_demo", allow_production=True, stdout=io.StringIO(), **options)


def test_seed_demo_twice_with_fresh_gives_the_same_people(db):
    seed(athletes=30, weeks=1, fresh=True)
    seed(athletes=30, weeks=1, fresh=True)

    assert seeded(is_athlete=True, is_coach=False) == 30
    assert seeded(is_coach=True, is_athlete=False) == 2  # one coach per 25 athletes, rounded up
    assert seeded() == 32
    assert Exercise.objects.exists()


def test_seed_demo_without_fresh_only_adds_the_missing(db):
    seed(athletes=3, fresh=True)
    seed(athletes=5)

    assert seeded(is_athlete=True) == 5
    assert seeded(is_coach=True) == 1


def test_seed_demo_fresh_keeps_other_accounts(db, athlete):
    seed(athletes=2, fresh=True)
    seed(athletes=2, fresh=True)

    assert User.objects.filter(pk=athlete.pk).exists()


def test_seed_demo_accounts_sign_in_with_the_given_password(db):
    seed(athletes=2, fresh=True, password="a-bench-password-1234")

    user = authenticate(username=seed_email("athlete", 2), password="a-bench-password-1234")
    assert user is not None and user.is_athlete


def test_seed_demo_scale_shorthand(db):
    seed(scale="S", fresh=True)

    assert seeded(is_athlete=True) == 50
    assert seeded(is_coach=True) == 2


def test_seed_demo_refuses_production_without_the_flag(db):
    with pytest.raises(CommandError, match="allow-production"):
        call_command("seed_demo", athletes=1, stdout=io.StringIO())


def test_seed_demo_gives_every_athlete_a_coach_a_programme_and_logged_weeks(db):
    from athletes.models import Coaching
    from coaching.models import Assignment, ScheduledSession, SessionLog, SetLog

    seed(athletes=30, weeks=4, fresh=True)
    athletes = User.objects.filter(email__endswith=f"@{SEED_DOMAIN}", is_athlete=True)
    assert Coaching.objects.filter(athlete__in=athletes).count() == 30
    assert Assignment.objects.filter(athlete__in=athletes).count() == 30
    assert ScheduledSession.objects.filter(athlete__in=athletes).count() == 30 * 4 * 2
    assert SessionLog.objects.filter(athlete__in=athletes).exists()
    sets = SetLog.objects.count()
    assert sets > 0
    seed(athletes=30, weeks=4)
    assert SetLog.objects.count() == sets  # a second run without --fresh adds nothing


def test_seed_demo_leaves_planner_statistics_for_the_bulk_loaded_tables(db):
    # Without them PostgreSQL plans the set-log queries as if the tables were empty.
    seed(athletes=2, weeks=1, fresh=True)

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'coaching_setlog'")
            assert cursor.fetchone()[0] > 0
        else:
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'coaching_setlog'")
            assert cursor.fetchone()[0] > 0
