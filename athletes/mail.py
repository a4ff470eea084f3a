"""Emails whose links arrive whole.

Python's email package (which Django 6 builds messages with) encodes a text body as
quoted-printable as soon as one line is longer than 78 characters, and quoted-printable
breaks long lines with "=" soft line breaks. A reset or invitation link is longer than
that: in the development console, in a plain-text reader or a log, it shows cut in two
with "=" in it, and "=3D" for every "=". RFC 5322 allows lines of up to 998 characters,
so the bodies here are written as they are (7bit, or 8bit for non-ASCII text), as every
SMTP server since 8BITMIME accepts; only a line longer than 998 would still be encoded."""

import email.policy

from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.template import loader

# The longest line RFC 5322 allows, without its CRLF.
_LONGEST_LINE = 998


class UnwrappedEmailMessage(EmailMultiAlternatives):
    def message(self, *, policy=email.policy.default):
        # The line limit decides the body encoding when the body is set; headers are
        # folded when the message is written, by then under the caller's policy again.
        msg = super().message(policy=policy.clone(max_line_length=_LONGEST_LINE))
        msg.policy = policy
        return msg


def mail_send(
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str | None = None,
    from_email: str | None = None,
) -> None:
    message = UnwrappedEmailMessage(subject=subject, body=body, from_email=from_email, to=to)
    if html is not None:
        message.attach_alternative(html, "text/html")
    message.send()


class UnwrappedPasswordResetForm(PasswordResetForm):
    """Django's password reset, its email sent with the link whole."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else None
        )
        mail_send(subject=subject, body=body, to=[to_email], html=html, from_email=from_email)
