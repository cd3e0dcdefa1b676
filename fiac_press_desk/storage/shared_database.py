"""Connecting to a shared PostgreSQL database (issue 14): the driver, the password, TLS.

- ``postgresql://`` (and ``postgres://``) mean psycopg 3, the driver the ``postgresql``
  extra installs (COPY, LISTEN/NOTIFY).
- The password is never in the URL a person types, nor in the settings: it is read from the
  system keyring (``keyring``, a dependency already, as for SMTP), under
  ``KEYRING_SERVICE`` and the account ``role@host:port/database``; ``fiac-press-desk
  db-password URL`` stores it there. A URL that carries a password is refused.
- TLS is libpq's, from the URL's query: ``?sslmode=verify-full&sslrootcert=/path/ca.pem``
  (and ``sslcert``/``sslkey`` for a client certificate) are passed to the driver as they are.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

from fiac_press_desk.domain.errors import DatabaseError

KEYRING_SERVICE = "FIAC Press Desk (PostgreSQL)"
_POSTGRES_NAMES = ("postgresql", "postgres", "postgresql+psycopg")
# libpq's TLS settings a desk may pass in its URL (anything else in the query is refused).
TLS_OPTIONS = ("sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl")


def is_postgresql(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL database."""
    return url.split(":", 1)[0] in _POSTGRES_NAMES


def keyring_account(url: URL) -> str:
    """The keyring account of the database ``url`` names: role@host:port/database."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def refuse_password_in_url(url: str) -> None:
    """DatabaseError when a PostgreSQL ``url`` carries a password (it would end up in shell
    histories, process lists and settings): the keyring holds it."""
    if not is_postgresql(url):
        return
    parsed = make_url(url)
    if parsed.password:
        raise DatabaseError(
            f"{parsed.render_as_string(hide_password=True)}: a password in the URL is refused; "
            "store it in the system keyring: fiac-press-desk db-password URL"
        )
    unknown = set(parsed.query) - set(TLS_OPTIONS)
    if unknown:
        raise DatabaseError(
            f"{parsed.render_as_string(hide_password=True)}: unknown option(s) "
            f"{', '.join(sorted(unknown))} (known: {', '.join(TLS_OPTIONS)})"
        )


def connectable_url(url: str) -> str | URL:
    """The URL the engine connects with: psycopg as the driver, and for PostgreSQL the
    password from the keyring when there is one (the URL object keeps it out of any text)."""
    if not is_postgresql(url):
        return url
    parsed = make_url(url).set(drivername="postgresql+psycopg")
    if parsed.password is None and parsed.username:
        password = keyring_password(parsed)
        if password:
            parsed = parsed.set(password=password)
    return parsed


def keyring_password(url: URL) -> str | None:
    """The stored password of ``url``'s role, or None (no keyring, or nothing stored)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (KeyringError, RuntimeError):  # no usable keyring backend here
        return None


def store_password(url: str, password: str) -> None:
    """Keep ``password`` for ``url``'s role in the system keyring; DatabaseError if there is
    no usable keyring (the password is then never written anywhere else)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(make_url(url)), password)
    except (KeyringError, RuntimeError) as exc:
        raise DatabaseError(f"no system keyring to keep the password in ({exc})") from exc
