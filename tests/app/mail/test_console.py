"""In development the e-mails are printed in the terminal as a person reads them."""

from __future__ import annotations

import pytest

from app.kit.mailer import MailConfig, Mailer


def test_a_printed_email_is_decoded_text(capsys: pytest.CaptureFixture[str]) -> None:
    config = MailConfig("console", "Fleksbro <no-reply@fleksbro.example>", "", 0, None, None,
                        False, 5.0)  # fmt: skip
    body = "Hej Søren\n\nDu har en ny besked på Fleksbro:\n\nhttp://127.0.0.1:8801/notifikationer\n"
    Mailer(config).send("søren@fleksbro.example", "Nyt fra Fleksbro – læs her", body)
    printed = capsys.readouterr().out
    assert "Hej Søren" in printed
    assert "http://127.0.0.1:8801/notifikationer" in printed
    assert "Subject: Nyt fra Fleksbro – læs her" in printed
    assert "To: søren@fleksbro.example" in printed
    assert "base64" not in printed and "quoted-printable" not in printed.lower()
    assert "=?utf-8?" not in printed.lower()
