"""Hearing that the network came back, on Linux, without polling: a netlink route socket.

The kernel announces new links, addresses and routes on ``NETLINK_ROUTE`` multicast groups;
:class:`NetworkWatch` blocks on that socket in one thread (asleep until the kernel speaks),
waits for a burst of announcements to settle and then calls its callback once. Elsewhere
(no ``AF_NETLINK``) it does nothing: the watchers' backoff still retries.
"""

from __future__ import annotations

import logging
import os
import select
import socket
import struct
import threading
from collections.abc import Callable

__all__ = ["NetworkWatch", "route_events"]

log = logging.getLogger("replytrail.net")

NETLINK_ROUTE = 0
RTMGRP_LINK, RTMGRP_IPV4_IFADDR, RTMGRP_IPV4_ROUTE = 0x1, 0x10, 0x40
RTMGRP_IPV6_IFADDR, RTMGRP_IPV6_ROUTE = 0x100, 0x400
RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE = 16, 20, 24
_GROUPS = (
    RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_IFADDR | RTMGRP_IPV6_ROUTE
)
_HEADER = struct.Struct("=LHHLL")  # nlmsghdr: length, type, flags, seq, pid
SETTLE = 1.0  # seconds of quiet after the last announcement before the callback runs


def route_events(data: bytes) -> list[int]:
    """The message types in one netlink datagram (``RTM_*`` numbers)."""
    types: list[int] = []
    offset = 0
    while offset + _HEADER.size <= len(data):
        length, kind, _flags, _seq, _pid = _HEADER.unpack_from(data, offset)
        if length < _HEADER.size:
            break
        types.append(kind)
        offset += (length + 3) & ~3
    return types


class NetworkWatch:
    """Calls *on_up* after a link, address or route appeared (debounced by ``SETTLE``)."""

    def __init__(self, on_up: Callable[[], None], settle: float = SETTLE) -> None:
        self._on_up, self._settle = on_up, settle
        self._sock: socket.socket | None = None
        self._wake_r, self._wake_w = os.pipe()
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Listen in a daemon thread; False where netlink is not available."""
        family = getattr(socket, "AF_NETLINK", None)
        if family is None:
            return False
        try:
            sock = socket.socket(family, socket.SOCK_RAW, NETLINK_ROUTE)
            sock.bind((0, _GROUPS))
        except OSError as e:
            log.info("no netlink route socket (%s): network changes are not heard", e.strerror)
            return False
        self._sock = sock
        self._thread = threading.Thread(target=self._loop, name="netlink", daemon=True)
        self._thread.start()
        return True

    def stop(self) -> None:
        os.write(self._wake_w, b"x")
        if self._thread is not None:
            self._thread.join(2.0)
        if self._sock is not None:
            self._sock.close()
        os.close(self._wake_r)
        os.close(self._wake_w)

    def _loop(self) -> None:
        assert self._sock is not None
        sock = self._sock.fileno()
        pending = False
        while True:
            ready, _, _ = select.select(
                [sock, self._wake_r], [], [], self._settle if pending else None
            )
            if self._wake_r in ready:
                return
            if not ready:  # quiet for SETTLE seconds after an announcement
                pending = False
                log.info("network changed: reconnecting what waits")
                self._on_up()
                continue
            try:
                data = self._sock.recv(65536)
            except OSError:  # ENOBUFS: we missed some; something changed all the same
                pending = True
                continue
            if any(t in (RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE) for t in route_events(data)):
                pending = True
