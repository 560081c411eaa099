"""One Amphi per user and data folder: a second launch raises the running window.

The first instance listens on a local socket (a named pipe on Windows, a Unix socket
elsewhere) whose name is derived from the user and the data folder; a second instance
connects, says "raise", and exits. A socket left behind by a crash is removed and
taken over (QLocalServer.removeServer), so a crash never locks Amphi out.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
MESSAGE = b"raise\n"


def instance_key(data_dir: Path) -> str:
    """A short socket name, the same for one user and one data folder."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (some containers)
        user = "user"
    digest = hashlib.sha256(f"{user}\0{data_dir.resolve()}".encode()).hexdigest()[:16]
    return f"amphi-{digest}"


class SingleInstance(QObject):
    """`claim()` once at start-up; `activated` fires when another launch asked to raise."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    def notify_running(self) -> bool:
        """True if an instance answers on the key (it has been told to raise itself)."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(MESSAGE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def claim(self) -> bool:
        """Become the running instance; False if another one runs (and was raised)."""
        if self.notify_running():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            QLocalServer.removeServer(self.key)  # left behind by a crash
            if not server.listen(self.key):
                return True  # cannot listen at all: run anyway, without the guard
        server.newConnection.connect(self._on_connection)
        self.server = server
        return True

    def release(self) -> None:
        self._sockets.clear()
        if self.server is not None:
            self.server.close()
            self.server = None

    def _on_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(self._read_all)
            socket.disconnected.connect(self._forget_closed)
        self._read_all()

    def _read_all(self) -> None:
        for socket in self._sockets:
            if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
                    MESSAGE.strip()):
                self.activated.emit()

    def _forget_closed(self) -> None:
        """Sockets whose peer left: read what they said, then let them go."""
        self._read_all()
        closed = [s for s in self._sockets
                  if s.state() == QLocalSocket.LocalSocketState.UnconnectedState]
        self._sockets = [s for s in self._sockets if s not in closed]
        for socket in closed:
            socket.deleteLater()
