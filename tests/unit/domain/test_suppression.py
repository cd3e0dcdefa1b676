"""Suppression keys: one per mailbox and per number, whatever the spelling; unreadable."""

from __future__ import annotations

from fiac_press_desk.domain.suppression import email_digest, new_secret, phone_digest


def test_the_same_mailbox_or_number_gives_the_same_key() -> None:
    secret = new_secret()
    assert email_digest(secret, "Jean.Dupont@Example.org ") == email_digest(
        secret, "jean.dupont@example.org"
    )
    assert phone_digest(secret, "+33612345678") == phone_digest(secret, "+33 6 12 34 56 78")
    assert phone_digest(secret, "+33612345678;ext=12") == phone_digest(secret, "+33612345678")
    assert email_digest(secret, "a@example.org") != email_digest(secret, "b@example.org")
    assert email_digest(secret, "") is None and phone_digest(secret, "12") is None


def test_keys_hide_the_value_and_differ_from_one_database_to_another() -> None:
    one, two = new_secret(), new_secret()
    key = email_digest(one, "jean.dupont@example.org")
    assert key is not None and len(key) == 64 and "dupont" not in key
    assert key != email_digest(two, "jean.dupont@example.org")
    assert one != two and len(bytes.fromhex(one)) == 32
