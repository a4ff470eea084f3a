import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from athletes.models import Coaching, Invitation, User
from athletes.selectors import athletes_coached_by
from athletes.services import invitation_accept, invitation_create, invitation_find
from tests.factories import TEST_PASSWORD, AthleteFactory, SquadFactory


@pytest.fixture
def invite(coach):
    squad = SquadFactory(coach=coach, name="Marathon group")
    invitation = invitation_create(
        coach=coach,
        email="invited@test.example",
        squad=squad,
        accept_url=lambda token: f"http://testserver{reverse('invitation_accept', args=[token])}",
    )
    path = re.search(r"http://testserver(\S+)", mail.outbox[-1].body).group(1)
    return invitation, path


SIGNUP = {
    "name": "Ivy Invited",
    "email": "invited@test.example",
    "role": "athlete",
    "password1": "bounds-50-to-100-metres",
    "password2": "bounds-50-to-100-metres",
}


def test_anonymous_visitor_signs_up_through_the_link_and_joins_the_roster(client, coach, invite):
    invitation, path = invite
    page = client.get(path)
    assert page.status_code == 200
    assert "Cora Coach invites you" in page.content.decode()
    assert 'value="invited@test.example"' in page.content.decode()
    response = client.post(path, SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="invited@test.example")
    assert user.is_athlete
    assert user in athletes_coached_by(coach)
    assert user in invitation.squad.members.all()
    invitation.refresh_from_db()
    assert invitation.state == "accepted" and invitation.accepted_by == user


def test_a_used_link_gives_a_clear_page_not_an_account(client, invite):
    _, path = invite
    client.post(path, SIGNUP)
    other = Client()
    response = other.get(path)
    assert response.status_code == 410
    assert "already been accepted" in response.content.decode()
    response = other.post(path, {**SIGNUP, "email": "second@test.example"})
    assert response.status_code == 410
    assert not User.objects.filter(email="second@test.example").exists()


def test_an_expired_link_gives_a_clear_page(client, invite):
    invitation, path = invite
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    response = client.get(path)
    assert response.status_code == 410
    assert "It expired" in response.content.decode()


def test_a_revoked_link_gives_a_clear_page(client, coach, invite):
    invitation, path = invite
    staff_client = Client()
    staff_client.force_login(coach)
    staff_client.post(reverse("roster:invitation_revoke", args=[invitation.pk]))
    response = client.post(path, SIGNUP)
    assert response.status_code == 410
    assert "withdrew it" in response.content.decode()
    assert not User.objects.filter(email="invited@test.example").exists()


def test_a_made_up_token_never_works(client, invite):
    for token in ["x", "A" * 43, "..", "%00", "a" * 500]:
        response = client.get(f"/accounts/invitations/{token}/")
        assert response.status_code == 404
        assert "not valid" in response.content.decode()
    assert invitation_find(token="") is None


def test_the_database_holds_no_usable_token(invite):
    invitation, path = invite
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash
    assert len(token) >= 40  # 32 random bytes


def test_signed_in_invitee_confirms_with_one_click(client, coach, invite):
    invitation, path = invite
    invitee = AthleteFactory(email="invited@test.example")
    client.force_login(invitee)
    body = client.get(path).content.decode()
    assert "Accept and train with Cora Coach" in body
    assert "confirm_other_account" not in body
    client.post(path)
    assert invitee in athletes_coached_by(coach)


def test_a_different_signed_in_user_must_confirm(client, coach, invite):
    _, path = invite
    someone = AthleteFactory(email="someone.else@test.example")
    client.force_login(someone)
    body = client.get(path).content.decode()
    assert "you are signed in as someone.else@test.example" in body
    client.post(path)
    assert someone not in athletes_coached_by(coach)
    client.post(path, {"confirm_other_account": "yes"})
    assert someone in athletes_coached_by(coach)


def test_existing_user_can_sign_in_then_come_back(client, invite):
    _, path = invite
    body = client.get(path).content.decode()
    assert f"{reverse('login')}?next={path}" in body


def test_signup_through_link_with_bad_input_keeps_typing(client, invite):
    _, path = invite
    response = client.post(path, {**SIGNUP, "password2": "different-password-1"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "didn" in body and 'value="Ivy Invited"' in body
    assert not User.objects.filter(email="invited@test.example").exists()


def test_accepting_twice_at_once_creates_one_link(coach, invite):
    invitation, _ = invite
    athlete = AthleteFactory()
    invitation_accept(invitation=invitation, user=athlete)
    with pytest.raises(Exception, match="no longer be accepted"):
        invitation_accept(invitation=invitation, user=athlete)
    assert Coaching.objects.filter(coach=coach, athlete=athlete).count() == 1


def test_invitations_expire_after_14_days(invite):
    invitation, _ = invite
    assert invitation.expires_at - invitation.sent_at == timedelta(days=14)


def test_inviting_the_same_email_again_refreshes_instead_of_duplicating(coach, invite):
    invitation_create(coach=coach, email="INVITED@test.example", accept_url=str)
    assert Invitation.objects.filter(coach=coach).count() == 1
    assert Invitation.objects.get().send_count == 2


def test_invite_page_login_round_trip(client, invite):
    _, path = invite
    AthleteFactory(email="invited@test.example")
    response = client.post(
        f"{reverse('login')}?next={path}",
        {"username": "invited@test.example", "password": TEST_PASSWORD, "next": path},
    )
    assert response.url == path
