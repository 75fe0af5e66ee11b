"""Decides what a watched message is and logs it: the matcher → store step of the engine.

Given a message's header fields (and a way to download the rest), :class:`Logbook` applies
SPEC §5: Bcc/forward logging, replies by the rules of §5.3, the user's own continuations
found in Sent, auto-replies and bounces (§5.4), exactly once (§5.5), the never-log list and
group senders. A body is downloaded only for a message that will be stored (SPEC §3).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from replytrail.core.events import EmailLogged, EventSink
from replytrail.core.logbook_terms import (
    MAX_NEW_CONTACTS,
    TRACKING_HEADER,
    Decision,
    Policy,
    Role,
    header_bytes,
    tracking_id,
)
from replytrail.core.mail.bounces import parse_bounce
from replytrail.core.mail.parse import FullMessage, HeaderInfo, parse_headers, parse_message
from replytrail.core.matching.kinds import classify, classify_message, is_group_sender
from replytrail.core.matching.matcher import (
    is_bcc_logging,
    is_never_logged,
    match_reply,
)
from replytrail.core.matching.subject import normalise_subject
from replytrail.core.matching.threadindex import conversation_guid
from replytrail.core.models import (
    Account,
    Address,
    Direction,
    Kind,
    LoggedEmail,
    MatchReason,
)
from replytrail.core.participants import cap_new_contacts, contact_candidates, own_addresses
from replytrail.core.store.base import AttachmentBlob, EmailRecord, LogbookStore

__all__ = [
    "MAX_NEW_CONTACTS",
    "TRACKING_HEADER",
    "Decision",
    "Logbook",
    "Policy",
    "Role",
    "header_bytes",
    "tracking_id",
]

log = logging.getLogger("replytrail.logbook")


class Logbook:
    """One per store; thread-safe because every store write is one locked transaction."""

    def __init__(
        self,
        store: LogbookStore,
        sink: EventSink | None = None,
        route: Callable[[LoggedEmail], list[str]] | None = None,
    ) -> None:
        self.store = store
        self.sink = sink
        #: the outbox targets of an email about to be logged (hand-off, team store)
        self.route = route

    # ------------------------------------------------------------------ helpers
    def _own(self, account: Account) -> set[str]:
        return own_addresses(account)

    def _contacts(self, addrs: list[Address], account: Account, policy: Policy) -> list[Address]:
        return contact_candidates(addrs, account, policy.never_log)

    def _record(
        self,
        full: FullMessage,
        account: Account,
        *,
        thread_id: str,
        direction: Direction,
        match: MatchReason,
        kind: Kind,
        contacts: list[Address],
    ) -> EmailRecord:
        h = full.headers
        sender = h.from_ or Address("", "")
        email = LoggedEmail(
            message_id=h.message_id,
            thread_id=thread_id,
            direction=direction,
            date=h.date,
            sender=sender,
            to=h.to,
            cc=h.cc,
            subject=h.subject,
            kind=kind,
            match=match,
            account=account.email,
            body_text=full.body_text,
            body_html=full.body_html,
            status="sent" if direction is Direction.OUT else "",
            in_reply_to=h.in_reply_to[0] if h.in_reply_to else "",
            references=h.references[-50:],
        )
        return EmailRecord(
            email=email,
            contacts=cap_new_contacts(contacts, lambda e: self.store.contact(e) is not None),
            blobs=[AttachmentBlob(a.filename, a.content_type, a.data) for a in full.attachments],
            raw=full.raw,
            subject_norm=normalise_subject(h.subject),
            thread_guid=conversation_guid(h.thread_index),
            gm_thrid=h.gm_thrid,
        )

    def _commit(self, rec: EmailRecord, folder: str, contact: str) -> Decision:
        if self.route is not None:
            rec.outbox = self.route(rec.email)
        email_id = self.store.record(rec)
        if email_id is None:
            return Decision("duplicate")
        log.info(
            "logged %s %s (%s, %s)",
            rec.email.direction,
            rec.email.message_id,
            rec.email.match,
            rec.email.kind,
        )
        if self.sink is not None:
            self.sink(EmailLogged(email=rec.email, contact=contact, folder=folder))
        return Decision("logged", str(rec.email.match), email_id)

    # ------------------------------------------------------------------ the decision
    def handle(
        self,
        account: Account,
        role: Role,
        h: HeaderInfo,
        fetch: Callable[[], bytes],
        *,
        policy: Policy,
        folder: str = "",
        raw_header: bytes = b"",
        now: datetime | None = None,
    ) -> Decision:
        """Decide about one message; *fetch* downloads the whole message (BODY.PEEK[])."""
        if self.store.has_message(h.message_id):
            return Decision("duplicate")
        now = now or datetime.now(UTC)
        own = self._own(account)
        from_own = h.from_ is not None and h.from_.email.lower() in own

        if role == "sent" or from_own:
            ours = tracking_id(raw_header) if raw_header else None
            if ours and ours != h.message_id:
                thread = self.store.thread_of_message_id(ours)
                if thread is not None:  # a relay rewrote the id we sent: track it too
                    original = self.store.email(ours)
                    self.store.add_tracked_id(
                        h.message_id, thread, original.id if original else None
                    )
                    return Decision("rewritten-id", ours)
            if role == "inbox" and is_bcc_logging(h, account.email, account.bcc_address):
                return self._bcc(account, h, fetch, policy, folder, now)
            match = match_reply(h, self.store, subject_rule=False, now=now)
            if match is None or not from_own:
                return Decision("ignored", "own mail outside tracked threads")
            recipients = self._contacts(h.to + h.cc, account, policy)
            if not recipients:
                return Decision("ignored", "no external recipient")
            full = parse_message(fetch())
            rec = self._record(
                full,
                account,
                thread_id=match.thread_id,
                direction=Direction.OUT,
                match=match.reason,
                kind=Kind.EMAIL,
                contacts=recipients,
            )
            return self._commit(rec, folder, recipients[0].email)

        kind = classify(h)
        # never-log is about people; a bounce from the user's own provider still marks the
        # original as bounced
        if (
            kind is not Kind.BOUNCE
            and h.from_ is not None
            and is_never_logged(h.from_, policy.never_log)
        ):
            return Decision("ignored", "never-log list")
        match = match_reply(h, self.store, subject_rule=policy.subject_rule, now=now)
        if kind is Kind.BOUNCE:
            return self._bounce(
                account,
                h,
                fetch,
                match.thread_id if match else None,
                match.reason if match else None,
                folder,
            )
        if match is None:
            if (
                policy.mode == "contacts"
                and h.from_ is not None
                and not is_group_sender(h.from_)
                and self.store.contact(h.from_.email) is not None
            ):
                full = parse_message(fetch())
                rec = self._record(
                    full,
                    account,
                    thread_id=self.store.new_thread_id(),
                    direction=Direction.IN,
                    match=MatchReason.CONTACT,
                    kind=kind,
                    contacts=self._contacts([h.from_, *h.cc], account, policy),
                )
                return self._commit(rec, folder, h.from_.email)
            return Decision("ignored", "no tracked thread")
        full = parse_message(fetch())
        kind = classify_message(full)  # the body may say what the header did not
        if kind is Kind.BOUNCE:
            return self._bounce(account, h, lambda: full.raw, match.thread_id, match.reason, folder)
        contacts = self._contacts([h.from_] if h.from_ else [], account, policy)
        contacts += self._contacts(h.cc, account, policy)
        rec = self._record(
            full,
            account,
            thread_id=match.thread_id,
            direction=Direction.IN,
            match=match.reason,
            kind=kind,
            contacts=contacts,
        )
        return self._commit(rec, folder, h.from_.email if h.from_ else "")

    def _bcc(
        self,
        account: Account,
        h: HeaderInfo,
        fetch: Callable[[], bytes],
        policy: Policy,
        folder: str,
        now: datetime,
    ) -> Decision:
        """SPEC §5.2: a copy to the logging address is an outgoing email; a forward logs the
        forwarded original where it can be recovered."""
        full = parse_message(fetch())
        recipients = self._contacts(h.to + h.cc, account, policy)
        if not recipients:
            original = self._forwarded_original(full)
            if original is not None and original.from_ is not None:
                return self._log_forwarded(account, original, full, policy, folder)
            return Decision("ignored", "nothing to log in the forward")
        match = match_reply(h, self.store, subject_rule=False, now=now)
        thread = match.thread_id if match else self.store.new_thread_id()
        rec = self._record(
            full,
            account,
            thread_id=thread,
            direction=Direction.OUT,
            match=MatchReason.BCC,
            kind=Kind.EMAIL,
            contacts=recipients,
        )
        return self._commit(rec, folder, recipients[0].email)

    def _forwarded_original(self, full: FullMessage) -> HeaderInfo | None:
        for a in full.attachments:
            if a.content_type == "message/rfc822":
                return parse_headers(a.data)
        return None

    def _log_forwarded(
        self, account: Account, original: HeaderInfo, fwd: FullMessage, policy: Policy, folder: str
    ) -> Decision:
        raw = next(a.data for a in fwd.attachments if a.content_type == "message/rfc822")
        full = parse_message(raw)
        from_own = original.from_ is not None and original.from_.email.lower() in self._own(account)
        direction = Direction.OUT if from_own else Direction.IN
        people = (
            (original.to + original.cc)
            if from_own
            else ([original.from_] if original.from_ else [])
        )
        contacts = self._contacts(people, account, policy)
        if not contacts:
            return Decision("ignored", "forwarded original has no external party")
        match = match_reply(original, self.store, subject_rule=False, now=datetime.now(UTC))
        thread = match.thread_id if match else self.store.new_thread_id()
        rec = self._record(
            full,
            account,
            thread_id=thread,
            direction=direction,
            match=MatchReason.BCC,
            kind=classify(original),
            contacts=contacts,
        )
        return self._commit(rec, folder, contacts[0].email)

    def _bounce(
        self,
        account: Account,
        h: HeaderInfo,
        fetch: Callable[[], bytes],
        thread: str | None,
        reason: MatchReason | None,
        folder: str,
    ) -> Decision:
        """A delivery report is about the user's own mail: read it to find the returned id."""
        full = parse_message(fetch())
        info = parse_bounce(full)
        original = info.original_message_id if info else None
        if thread is None and original:
            thread = self.store.thread_of_message_id(original)
            reason = MatchReason.REFERENCES
        if thread is None or reason is None:
            return Decision("ignored", "bounce of an untracked email")
        failed = info.failed_recipients if info else []
        if original:
            for rcpt in failed:
                self.store.mark_bounced(original, rcpt, None)
        contacts = [Address(r.lower(), "") for r in failed] or []
        rec = self._record(
            full,
            account,
            thread_id=thread,
            direction=Direction.IN,
            match=reason,
            kind=Kind.BOUNCE,
            contacts=contacts,
        )
        decision = self._commit(rec, folder, failed[0] if failed else "")
        if decision.action == "logged":
            return Decision("bounce-marked", ",".join(failed), decision.email_id)
        return decision
