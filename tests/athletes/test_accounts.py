import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import TEST_PASSWORD, AthleteFactory

User = get_user_model()

SIGNUP = {
    "name": "Nina Newrunner",
    "email": "nina@example.com",
    "role": "athlete",
    "password1": "tempo-3010-hamstrings",
    "password2": "tempo-3010-hamstrings",
}


def test_signup_creates_account_with_chosen_roles_and_signs_in(client, db):
    response = client.post(reverse("signup"), {**SIGNUP, "role": "both"})
    assert response.status_code == 302
    assert response.url == reverse("coaching:home")
    user = User.objects.get(email="nina@example.com")
    assert user.is_athlete and user.is_coach and not user.is_staff
    assert client.get(reverse("coaching:home")).wsgi_request.user == user


def test_signup_stores_email_lower_case(client, db):
    client.post(reverse("signup"), {**SIGNUP, "email": "Nina@Example.COM"})
    assert User.objects.filter(email="nina@example.com").exists()


def test_signup_with_taken_email_explains_and_keeps_typing(client, db):
    AthleteFactory(email="nina@example.com")
    response = client.post(reverse("signup"), {**SIGNUP, "email": "NINA@example.com"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "An account with this email address already exists" in body
    assert 'value="Nina Newrunner"' in body
    assert User.objects.filter(email__iexact="nina@example.com").count() == 1


@pytest.mark.parametrize(
    ("password1", "password2", "message"),
    [
        ("abc", "abc", "This password is too short"),
        ("password", "password", "This password is too common"),
        ("12345678901", "12345678901", "This password is entirely numeric"),
        ("tempo-3010-hamstrings", "tempo-3010-glutes", "The two password fields didn"),
    ],
)
def test_signup_rejects_bad_passwords_with_a_message(client, db, password1, password2, message):
    response = client.post(
        reverse("signup"), {**SIGNUP, "password1": password1, "password2": password2}
    )
    assert response.status_code == 200
    body = response.content.decode().replace("&#x27;", "'")
    assert message in body
    assert 'value="nina@example.com"' in body
    assert not User.objects.filter(email="nina@example.com").exists()


def test_signup_without_role_or_name_is_refused(client, db):
    response = client.post(reverse("signup"), {**SIGNUP, "role": "", "name": ""})
    assert response.status_code == 200
    assert response.content.decode().count("This field is required") == 2


def test_login_by_email_is_case_insensitive(client, athlete):
    response = client.post(
        reverse("login"), {"username": "ATHLETE@test.example", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("coaching:home")


def test_login_with_wrong_password_explains_and_keeps_email(client, athlete):
    response = client.post(
        reverse("login"), {"username": "athlete@test.example", "password": "wrong"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "do not match an account" in body
    assert 'value="athlete@test.example"' in body


def test_login_of_inactive_account_is_refused(client, athlete):
    athlete.is_active = False
    athlete.save()
    response = client.post(
        reverse("login"), {"username": "athlete@test.example", "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_login_page_sends_a_signed_in_user_home(client, athlete):
    client.force_login(athlete)
    assert client.get(reverse("login")).url == reverse("coaching:home")


def test_logout_is_a_post_that_ends_the_session(client, athlete):
    client.force_login(athlete)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("coaching:home")).status_code == 302


def test_password_reset_mails_a_working_link(client, athlete):
    response = client.post(reverse("password_reset"), {"email": "athlete@test.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert b"Choose a new password" in response.content
    response = client.post(
        response.wsgi_request.path,
        {"new_password1": "long-new-password-2026", "new_password2": "long-new-password-2026"},
    )
    assert response.status_code == 302
    athlete.refresh_from_db()
    assert athlete.check_password("long-new-password-2026")


def test_password_reset_for_unknown_email_looks_the_same_and_sends_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_password_change_requires_the_old_password(client, athlete):
    client.force_login(athlete)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "not-it",
            "new_password1": "long-new-password-2026",
            "new_password2": "long-new-password-2026",
        },
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()
    response = client.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "long-new-password-2026",
            "new_password2": "long-new-password-2026",
        },
    )
    assert response.status_code == 302


def test_user_model_enforces_case_insensitive_unique_email(db):
    from django.db import IntegrityError, transaction

    User.objects.create_user(email="Sam@Example.com", name="Sam", password=TEST_PASSWORD)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="SAM@example.com", name="Other Sam")
