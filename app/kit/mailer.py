"""Outgoing e-mail: printed in development, sent over SMTP otherwise. No framework imports."""

from __future__ import annotations

import smtplib
import sys
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid


@dataclass(frozen=True)
class MailConfig:
    backend: str
    sender: str
    host: str
    port: int
    username: str | None
    password: str | None
    starttls: bool
    timeout: float


class Mailer:
    def __init__(self, config: MailConfig):
        self.config = config

    def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"] = self.config.sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain="fleksbro.example")
        message.set_content(body)
        if self.config.backend == "console":
            sys.stdout.write(readable(message))
            sys.stdout.flush()
            return
        with smtplib.SMTP(self.config.host, self.config.port, timeout=self.config.timeout) as smtp:
            if self.config.starttls:
                smtp.starttls()
            if self.config.username:
                smtp.login(self.config.username, self.config.password or "")
            smtp.send_message(message)


def readable(message: EmailMessage) -> str:
    """The e-mail as a person reads it: decoded headers and text. Printing the message itself
    would show what goes over the wire, a non-ASCII body as base64 a developer cannot read."""
    headers = "".join(f"{name}: {message[name]}\n" for name in ("From", "To", "Subject"))
    body = message.get_content().rstrip("\n")
    return f"\n----- e-mail (console backend) -----\n{headers}\n{body}\n-----\n"
