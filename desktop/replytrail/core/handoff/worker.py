"""Drains the hand-off outbox: deliver, then acknowledge; back off on failure; stop on refusal.

One worker per process (the engine's thread in the tray app and ``replytrail watch``;
``replytrail handoff deliver`` runs one round). It sleeps until the next entry is due or it is
woken (an email was logged, ``handoff retry``), so an idle app does not wake for it.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from replytrail.core.accounts import AccountRegistry
from replytrail.core.credentials import Credentials
from replytrail.core.errors import KnownError
from replytrail.core.events import EventSink, HandoffChanged
from replytrail.core.handoff.forward import build_forward, send_forward
from replytrail.core.handoff.targets import DeliveryRefused, Target, TargetBook, secret_ref
from replytrail.core.handoff.webhook import idempotency_key, payload, post
from replytrail.core.models import Contact, Direction, LoggedEmail
from replytrail.core.oauth.tokens import AccountSecrets
from replytrail.core.store.outbox import OutboxEntry, OutboxQueue

__all__ = ["EmailSource", "HandoffWorker", "Round", "backoff"]

log = logging.getLogger("replytrail.handoff")
PREFIX = "handoff:"
MAX_DELAY = 3600.0


def backoff(attempts: int, rng: Callable[[], float] = random.random) -> float:
    """Seconds before the next try: 30 s doubling up to an hour, with ±20 % jitter."""
    base = min(30.0 * float(2 ** min(attempts, 12)), MAX_DELAY)
    return float(base * (0.8 + 0.4 * rng()))


class EmailSource:
    """What the worker reads from the store (the email, its original, its contact)."""

    def __init__(
        self,
        email_by_id: Callable[[int], LoggedEmail | None],
        raw_message: Callable[[str], bytes | None],
        contact: Callable[[str], Contact | None],
    ) -> None:
        self.email_by_id, self.raw_message, self.contact = email_by_id, raw_message, contact


@dataclass
class Round:
    delivered: int = 0
    retried: int = 0
    refused: int = 0


class HandoffWorker:
    def __init__(
        self,
        outbox: OutboxQueue,
        source: EmailSource,
        targets: TargetBook,
        accounts: AccountRegistry,
        credentials: Credentials,
        sink: EventSink | None = None,
        secrets: AccountSecrets | None = None,
    ) -> None:
        self.outbox, self.source, self.targets = outbox, source, targets
        self.accounts, self.credentials, self.sink = accounts, credentials, sink
        #: an account's password or OAuth access token (forwards go out as that account)
        self.secrets = secrets or AccountSecrets(credentials)
        self.wake = threading.Event()

    # ------------------------------------------------------------------ one entry
    def _deliver(self, target: Target, email: LoggedEmail) -> None:
        if target.kind == "webhook":
            secret = self.credentials.get(secret_ref(target.name))
            who = email.sender.email if email.direction is Direction.IN else ""
            if not who and email.to:
                who = email.to[0].email
            contact = self.source.contact(who) if who else None
            post(target, secret, payload(email, contact), idempotency_key(target, email))
            return
        account = self.accounts.get(target.account or email.account)
        account_secret = self.secrets.for_account(account)
        raw = self.source.raw_message(email.message_id)
        msg = build_forward(target, account, email, raw)
        send_forward(account, account_secret, msg, sent_copy=target.sent_copy)

    def _one(self, entry: OutboxEntry, targets: dict[str, Target], out: Round) -> None:
        target = targets.get(entry.target)
        email = self.source.email_by_id(entry.email_id) if entry.email_id is not None else None
        if target is None or email is None:
            # the target was removed, or the email forgotten meanwhile: nothing to send
            self.outbox.done(entry.id)
            return
        try:
            self._deliver(target, email)
        except DeliveryRefused as e:
            log.warning("hand-off to %s refused: %s", target.name, e.message)
            self.outbox.fail(entry.id, e.message)
            out.refused += 1
            return
        except KnownError as e:
            log.info("hand-off to %s will be retried: %s", target.name, e.message)
            self.outbox.retry(entry.id, time.time() + backoff(entry.attempts), e.message)
            out.retried += 1
            return
        except Exception as e:  # a bug must not stop the other entries or the watcher
            log.exception("hand-off to %s failed", target.name)
            detail = f"internal error: {type(e).__name__}"
            self.outbox.retry(entry.id, time.time() + backoff(entry.attempts), detail)
            out.retried += 1
            return
        self.outbox.done(entry.id)
        out.delivered += 1
        log.info("handed %s to %s", email.message_id, target.name)

    # ------------------------------------------------------------------ rounds
    def deliver_due(self, stop: threading.Event | None = None) -> Round:
        """Deliver everything due now, in logging order; a failing target does not block
        the others (its later entries wait with it, so its order is kept)."""
        out = Round()
        targets = {t.key: t for t in self.targets.all()}
        blocked: set[str] = set()
        while not (stop and stop.is_set()):
            batch = [e for e in self.outbox.due() if e.target not in blocked]
            if not batch:
                break
            for entry in batch:
                if stop and stop.is_set():
                    break
                if entry.target in blocked:
                    continue
                before = out.retried + out.refused
                self._one(entry, targets, out)
                if out.retried + out.refused > before:
                    blocked.add(entry.target)
        self._report()
        return out

    def _report(self) -> None:
        if self.sink is None:
            return
        for st in self.outbox.status():
            name = st.target.removeprefix(PREFIX)
            self.sink(HandoffChanged(name, st.pending, st.failed, st.last_error))

    def run(self, stop: threading.Event) -> None:
        """The worker thread: a round, then sleep until the next entry is due or a wake-up."""
        while not stop.is_set():
            try:
                self.deliver_due(stop)
                nxt = self.outbox.next_due()
            except KnownError as e:
                log.warning("hand-off paused: %s", e.message)
                nxt = int(time.time() + 60)
            except Exception:
                log.exception("hand-off round failed")
                nxt = int(time.time() + 60)
            timeout = MAX_DELAY if nxt is None else max(1.0, nxt - time.time())
            self.wake.wait(timeout)
            self.wake.clear()
