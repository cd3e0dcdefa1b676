"""One window per database: a second launch on the same database hands its files to the
window already open, brings it forward, and ends.

The first window listens on a local socket (``QLocalServer``: a Unix domain socket, a named
pipe on Windows) whose name is derived from the database's URL and the user, so two
databases, or two people on one machine, never meet. A second launch connects, writes one
line of JSON (``{"files": [...]}``, absolute paths) and exits; nothing listening means it is
the first. A socket left behind by a window that crashed is removed before listening again.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

CONNECT_TIMEOUT_MS = 1000
MAX_MESSAGE = 1 << 20  # a megabyte of file names is already absurd


def server_name(database_url: str) -> str:
    """The socket's name for ``database_url``: short (Unix socket paths are limited), the
    same for every launch of this user on that database."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some sandboxes
        user = ""
    digest = hashlib.sha256(f"{user}\0{database_url}".encode()).hexdigest()[:20]
    return f"fiac-press-desk-{digest}"


def forward(database_url: str, files: Sequence[Path | str]) -> bool:
    """Hand ``files`` to the window open on ``database_url``; False when none is open."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(database_url))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    message = {"files": [str(Path(f).expanduser().resolve()) for f in files]}
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True


class Listener(QObject):
    """The first window's end: ``activated(files)`` for each later launch."""

    activated = Signal(list)

    def __init__(self, database_url: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(database_url)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self.pending: list[Path] = []  # files to open once the window's database is open

    def listen(self) -> bool:
        """Start listening; a name left by a crashed window is taken over."""
        if self.server.listen(self.name):
            return True
        if self.server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def close(self) -> None:
        """Stop listening (the window closes): the next launch is the first again."""
        for socket in list(self._buffers):
            socket.readyRead.disconnect()
            socket.abort()
        self._buffers.clear()
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                return
            self._buffers[socket] = bytearray()
            # Only readyRead: a slot on "disconnected" would run while Qt destroys the
            # socket with the server, on an object half gone.
            socket.readyRead.connect(lambda s=socket: self._read(s))
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            self._buffers.pop(socket, None)
            socket.readyRead.disconnect()
            socket.abort()
        elif buffer.endswith(b"\n"):
            self._finish(socket)

    def _finish(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.pop(socket, None)
        if buffer is None:
            return
        socket.readyRead.disconnect()
        socket.disconnectFromServer()
        socket.deleteLater()
        try:
            message = json.loads(buffer.decode("utf-8") or "{}")
        except ValueError:
            message = {}
        files = message.get("files") if isinstance(message, dict) else None
        names = [f for f in files if isinstance(f, str)] if isinstance(files, list) else []
        self.activated.emit([Path(name) for name in names])


def bring_forward(window: QWidget) -> None:
    """Show the window on top (restored if it was minimised)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def open_files(window: QWidget, files: Sequence[Path]) -> None:
    """The files of a launch, as a drop on the window: contact files to the import, e-mail
    messages to the enquiry capture."""
    from fiac_press_desk.ui.main_window import CONTACT_FILE_SUFFIXES, ENQUIRY_FILE_SUFFIXES

    contacts = [p for p in files if p.suffix.lower() in CONTACT_FILE_SUFFIXES]
    enquiries = [p for p in files if p.suffix.lower() in ENQUIRY_FILE_SUFFIXES]
    if contacts:
        window.run_import(contacts)  # type: ignore[attr-defined]
    if enquiries:
        window.open_capture(enquiries)  # type: ignore[attr-defined]


def claim(database_url: str, files: Sequence[Path]) -> Listener | None:
    """The start of a launch: None when a window already has the database (the files were
    handed to it; this launch ends), else the listener of this one."""
    if forward(database_url, files):
        return None
    listener = Listener(database_url)
    listener.listen()  # if it cannot, this window simply stays alone
    listener.pending = list(files)
    return listener


def serve(listener: Listener, window: QWidget) -> None:
    """Later launches bring ``window`` forward and open their files there (kept until its
    database is open)."""

    def arrived(files: list[Path]) -> None:
        bring_forward(window)
        listener.pending.extend(files)
        if getattr(window, "is_attached", lambda: False)():
            window_ready(listener, window)

    listener.activated.connect(arrived)


def window_ready(listener: Listener, window: QWidget) -> None:
    """The database is open: the files waiting are opened."""
    files, listener.pending = listener.pending, []
    if files:
        open_files(window, files)
