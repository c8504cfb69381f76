"""One GUI per data folder: a second start hands over to the running window.

An exclusive lock in the data folder decides who is first (the app passes in
storage.lock.InstanceLock: an OS lock the kernel drops when its holder dies, so a crash
never locks the user out); the first instance listens on a QLocalServer whose name is
derived from the folder, and a later instance connects to it to say "bring your window
forward", then exits.

The lock is taken before the window shows; QtNetwork and the server wait until after the
first paint (`listen()`), and a second start that arrives in between simply retries its
connection for a moment.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

_ACTIVATE = b"activate\n"
_CONNECT_TIMEOUT_MS = 1000
_PRIMARY_START_GRACE_S = 3.0  # how long a second start waits for the first to listen


def server_name(data_dir: Path) -> str:
    # Per user and per folder, short enough for a Unix socket path. Imported here:
    # hashlib and getpass cost milliseconds that the first frame should not pay.
    import getpass
    import hashlib

    key = f"{getpass.getuser()}:{data_dir.resolve()}".encode()
    return "backleg-" + hashlib.sha256(key).hexdigest()[:16]


class FolderWindowLock(Protocol):
    """The exclusive "first window" lock of a data folder."""

    def try_lock(self) -> bool: ...

    def unlock(self) -> None: ...


class SingleInstance(QObject):
    """Owns the lock and the local server for the primary instance."""

    activation_requested = Signal()

    def __init__(
        self, data_dir: Path, lock: FolderWindowLock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._lock = lock
        self._server: QLocalServer | None = None

    def try_become_primary(self) -> bool:
        """Take the folder and start listening; False when another GUI owns it."""
        if not self.try_lock():
            return False
        self.listen()
        return True

    def try_lock(self) -> bool:
        """True when this process now owns the folder; False when another GUI does."""
        return self._lock.try_lock()

    def listen(self) -> None:
        """Answer later starts (call once the lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self._data_dir)
        QLocalServer.removeServer(name)  # a socket left behind by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_new_connection)
        server.listen(name)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # The request may already be buffered, or may still be on its way.
            if not self._handle_request(socket):
                socket.readyRead.connect(self._on_ready_read)

    def _on_ready_read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._handle_request(socket)

    def _handle_request(self, socket: QLocalSocket) -> bool:
        if not socket.canReadLine():
            return False
        if bytes(socket.readLine().data()) == _ACTIVATE:
            self.activation_requested.emit()
        socket.abort()
        socket.deleteLater()
        return True


def ask_primary_to_activate(data_dir: Path) -> bool:
    """Tell the running instance to show its window; True if it was reached."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    give_up = time.monotonic() + _PRIMARY_START_GRACE_S
    while True:  # the primary may still be painting its first frame
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(_CONNECT_TIMEOUT_MS):
            break
        if time.monotonic() >= give_up:
            return False
        time.sleep(0.05)
    socket.write(_ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS)
    # The primary hangs up once it has read the request; leaving earlier could drop it.
    if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
        socket.waitForDisconnected(_CONNECT_TIMEOUT_MS)
    return True
