"""Links in the emails we send arrive whole: in the development console, over SMTP and in
any plain-text reader (no quoted-printable "=" soft line breaks in them)."""

import email
import email.policy
import io
import re

from django.core import mail
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.urls import reverse

from athletes import services

_LINK = re.compile(r"https?://\S+")


def _links(text: str) -> list[str]:
    return _LINK.findall(text)


def _console_output(message) -> str:
    stream = io.StringIO()
    ConsoleBackend(stream=stream).send_messages([message])
    return stream.getvalue()


def _assert_whole_everywhere(message, link: str) -> None:
    printed = _console_output(message)
    assert link in printed.splitlines(), "the console shows the link on one line"
    assert "quoted-printable" not in printed
    for policy in (email.policy.default, email.policy.SMTP):
        raw = message.message(policy=policy).as_bytes()
        assert link.encode() in raw
        # A mail client reads the same text back.
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert link in parsed.get_body(("plain",)).get_content()


def test_invitation_email_link_is_whole(client, coach):
    client.force_login(coach)
    client.post(
        reverse("roster:invitation_create"),
        {"email": "new.runner@test.example", "message": "Ça va? Let's train together."},
    )
    (message,) = mail.outbox
    (link,) = _links(message.body)
    assert len(link) > 78  # longer than quoted-printable lines may be
    _assert_whole_everywhere(message, link)
    path = link.split("testserver", 1)[1]
    assert "invites you to train" in client.get(path).content.decode()


def test_password_reset_email_link_is_whole(client, athlete):
    client.post(reverse("password_reset"), {"email": "athlete@test.example"})
    (message,) = mail.outbox
    (link,) = _links(message.body)
    _assert_whole_everywhere(message, link)
    assert (
        "Choose a new password"
        in client.get(link.split("testserver", 1)[1], follow=True).content.decode()
    )


def test_non_ascii_text_is_sent_as_utf8_8bit(coach):
    services.invitation_create(
        coach=coach, email="jose@test.example", message="¡Vamos, José!", accept_url=lambda t: t
    )
    raw = mail.outbox[0].message(policy=email.policy.SMTP).as_bytes()
    assert b"Content-Transfer-Encoding: 8bit" in raw
    assert "¡Vamos, José!".encode() in raw


def test_a_line_over_the_smtp_limit_is_still_encoded():
    from athletes.mail import UnwrappedEmailMessage

    message = UnwrappedEmailMessage("Long", "x" * 1200 + "\n", to=["a@test.example"])
    raw = message.message(policy=email.policy.SMTP).as_bytes()
    assert max(len(line) for line in raw.splitlines()) <= 998
