"""One running app per user and data dir: a second start hands over to the first and exits."""

from __future__ import annotations

import getpass
import hashlib
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["SingleInstance", "server_name"]

log = logging.getLogger("replytrail.app.instance")

MAX_UNIX_PATH = 100  # sockaddr_un allows 107 bytes; keep a margin
HELLO = b"show\n"
CONNECT_MS = 1000


def server_name(data_dir: Path, runtime_dir: Path, platform: str = sys.platform) -> str:
    """The QLocalServer name for this user and data dir.

    On Unix a full socket path in the runtime dir when it is short enough, else a name that
    Qt puts in the temp dir; on Windows a named pipe name (pipes are per session).
    """
    key = hashlib.sha256(f"{getpass.getuser()}\0{data_dir.resolve()}".encode()).hexdigest()[:16]
    name = f"replytrail-{key}"
    if platform != "win32":
        path = runtime_dir / f"{name}.sock"
        if len(str(path)) <= MAX_UNIX_PATH:
            return str(path)
    return name


class SingleInstance(QObject):
    """The first process listens; later ones connect, say "show" and leave.

    Signals:
        activated(): another start asked this instance to come forward.
    """

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """True when an instance runs (it was told to come forward); then exit this one."""
        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(CONNECT_MS):
            return False
        sock.write(HELLO)
        sock.waitForBytesWritten(CONNECT_MS)
        sock.waitForReadyRead(CONNECT_MS)  # the first instance answers "ok" once it acted
        sock.disconnectFromServer()
        log.info("Replytrail is already running; asked it to come forward")
        return True

    def listen(self) -> bool:
        """Become the running instance (a stale socket of a crashed one is removed)."""
        if self.name.startswith("/"):
            Path(self.name).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # nobody answered: a leftover socket
            if not server.listen(self.name):
                log.warning("cannot listen on %s: %s", self.name, server.errorString())
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    @Slot()
    def _on_connection(self) -> None:
        assert self._server is not None
        # the sockets stay children of the server (one per later start; freed with it):
        # deleteLater on a socket that its dying server also deletes crashes
        while (sock := self._server.nextPendingConnection()) is not None:
            sock.readyRead.connect(self._ready)  # no lambda holding the socket (a cycle)
            if sock.bytesAvailable():
                self._on_ready(sock)

    @Slot()
    def _ready(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._on_ready(sock)

    def _on_ready(self, sock: QLocalSocket) -> None:
        if bytes(sock.readAll().data()).startswith(HELLO.strip()):
            log.info("another start asked to come forward")
            self.activated.emit()
            sock.write(b"ok\n")
            sock.flush()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
