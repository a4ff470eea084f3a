import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connections
from django.utils import timezone

from athletes import services as people
from athletes.models import Coaching, Invitation
from coaching import services
from coaching.models import Assignment, Prescription, ScheduledPrescription, ScheduledSession
from tests.factories import (
    AthleteFactory,
    PrescriptionFactory,
    ProgrammeFactory,
    WorkoutFactory,
)


def _at_once(*calls):
    """Run the calls in threads released together; return each one's result or error."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # noqa: BLE001 - returned to the test
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def programme(transactional_db, coach):
    programme = ProgrammeFactory(owner=coach, weeks=2)
    for week in (1, 2):
        workout = WorkoutFactory(programme=programme, week=week, day=2)
        PrescriptionFactory(workout=workout, sets=3)
        PrescriptionFactory(workout=workout, sets=2, position=1)
    return programme


def test_concurrency_two_accepts_of_one_invitation_make_one_coaching(transactional_db, coach):
    invitee = AthleteFactory(email="invitee@test.example")
    invitation = people.invitation_create(
        coach=coach, email=invitee.email, accept_url=lambda token: token
    )
    outcomes = _at_once(
        lambda: people.invitation_accept(invitation=invitation, user=invitee),
        lambda: people.invitation_accept(invitation=invitation, user=invitee),
    )
    accepted = [o for o in outcomes if isinstance(o, Coaching)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(accepted) == 1 and len(refused) == 1, outcomes
    assert Coaching.objects.filter(coach=coach, athlete=invitee).count() == 1
    assert Invitation.objects.get().accepted_by == invitee


def test_concurrency_assignments_at_once_write_all_of_the_valid_one_and_none_of_the_other(
    programme, coach, athlete
):
    second = AthleteFactory(email="second@test.example")
    people.roster_add(coach=coach, athlete=second)
    outcomes = _at_once(
        lambda: services.programme_assign(
            coach=coach, programme=programme, athletes=[athlete], starts_on=timezone.localdate()
        ),
        # Week 2 of a plan starting on the last day there is falls off the calendar: this
        # fails after its assignment rows were written, so they must be rolled back.
        lambda: services.programme_assign(
            coach=coach, programme=programme, athletes=[second], starts_on=date.max
        ),
    )
    assert isinstance(outcomes[0], list) and len(outcomes[0]) == 1, outcomes
    assert isinstance(outcomes[1], (OverflowError, ValueError)), outcomes
    assert list(Assignment.objects.values_list("athlete", flat=True)) == [athlete.pk]
    assert ScheduledSession.objects.filter(athlete=athlete).count() == 2
    assert ScheduledPrescription.objects.filter(session__athlete=athlete).count() == 4
    assert not ScheduledSession.objects.filter(athlete=second).exists()


def test_concurrency_assignment_to_a_stranger_writes_nothing(
    programme, coach, athlete, other_athlete
):
    outcomes = _at_once(
        lambda: services.programme_assign(
            coach=coach, programme=programme, athletes=[athlete], starts_on=timezone.localdate()
        ),
        lambda: services.programme_assign(
            coach=coach,
            programme=programme,
            athletes=[athlete, other_athlete],
            starts_on=timezone.localdate(),
        ),
    )
    assert isinstance(outcomes[0], list), outcomes
    assert isinstance(outcomes[1], ValidationError), outcomes
    assert Assignment.objects.count() == 1
    assert not ScheduledSession.objects.filter(athlete=other_athlete).exists()


def test_concurrency_two_edits_of_one_prescription_version_save_one(programme):
    prescription = Prescription.objects.filter(workout__programme=programme).first()
    version = prescription.version
    outcomes = _at_once(
        lambda: services.prescription_update(prescription=prescription, version=version, sets=4),
        lambda: services.prescription_update(prescription=prescription, version=version, sets=5),
    )
    saved = [o for o in outcomes if isinstance(o, Prescription)]
    conflicts = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(saved) == 1 and len(conflicts) == 1, outcomes
    assert conflicts[0].code == "conflict"
    assert "Someone else changed this exercise" in conflicts[0].messages[0]
    prescription.refresh_from_db()
    assert prescription.version == version + 1
    assert prescription.sets == saved[0].sets
