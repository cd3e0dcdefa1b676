"""The suppression list's keys: an erased person's emails and phones as keyed hashes.

An erasure must leave nothing readable of the person, yet a later import or captured email
bringing the same address back must be refused ("effacé à sa demande le …"). So the list
holds HMAC-SHA256 digests of each normalised email and phone under a secret that belongs to
one database: the list alone gives no address back, and the digests of two databases cannot
be compared. (Someone who holds the whole database file, secret included, can still test a
guessed address against it: the list proves "this address was erased", which is the point.)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fiac_press_desk.domain.normalize import email_key, phone_digits

SECRET_BYTES = 32
# Fewer digits than this identify no one (an extension, a short code): never suppressed.
MIN_PHONE_DIGITS = 6


def new_secret() -> str:
    """A fresh per-database secret, as hex text (it lives in the settings table)."""
    return secrets.token_hex(SECRET_BYTES)


def email_digest(secret: str, address: str) -> str | None:
    """The suppression key of an email (case does not matter), or None for an empty one."""
    return Digester(secret).email(address)


def phone_digest(secret: str, number: str) -> str | None:
    """The suppression key of a phone number as stored (E.164 when it could be read: what
    the import's validation gives too), or None when it holds too few digits."""
    return Digester(secret).phone(number)


class Digester:
    """Suppression keys under one secret. The keyed state is made once and copied for each
    value (an import asks for tens of thousands: a copy skips hashing the padded key twice,
    a third faster than ``hmac.digest`` per value)."""

    __slots__ = ("_keyed",)

    def __init__(self, secret: str) -> None:
        self._keyed = hmac.new(bytes.fromhex(secret), digestmod=hashlib.sha256)

    def email(self, address: str) -> str | None:
        """The keyed digest of an address (None if it is none), matched without being readable."""
        key = email_key(address)
        return self._digest(f"email:{key}") if key else None

    def phone(self, number: str) -> str | None:
        """The keyed digest of a number's digits (None if too short to identify anyone)."""
        digits = phone_digits(number.partition(";")[0])
        return self._digest(f"phone:{digits}") if len(digits) >= MIN_PHONE_DIGITS else None

    def _digest(self, text: str) -> str:
        state = self._keyed.copy()
        state.update(text.encode("utf-8"))
        return state.hexdigest()
