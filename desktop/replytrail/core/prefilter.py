"""A cheap first look at raw header blocks, so a catch-up parses only messages that may matter.

Scanning 50,000 headers must run near the speed of the IMAP FETCH itself. :class:`Prefilter`
reads the raw bytes with a few regular expressions and batched store lookups per chunk, and
keeps every message that :meth:`Logbook.handle` could log (it may keep a few more; it never
drops one that could match). Everything else is forgotten unparsed, in memory only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from replytrail.core.mail.addresses import decode_header_text, parse_message_ids
from replytrail.core.matching.kinds import is_group_sender
from replytrail.core.matching.signals import SIGNAL_FIELDS, machine_kind, signals_from_fields
from replytrail.core.matching.subject import normalise_subject
from replytrail.core.matching.threadindex import conversation_guid
from replytrail.core.models import Account
from replytrail.core.store.base import BatchedLookup

__all__ = ["Candidate", "Prefilter"]

_FIELD = re.compile(
    rb"^(message-id|in-reply-to|references|from|subject|thread-index|x-replytrail-id|"
    rb"content-type|list-id|return-path|auto-submitted|x-autoreply|x-autorespond|precedence|"
    rb"x-auto-response-suppress|x-ms-exchange-inbox-rules-loop)[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)",
    re.MULTILINE | re.IGNORECASE,
)
#: fields whose repeats are joined; of every other field the first counts, as in parse.py
_JOINED = frozenset({b"in-reply-to", b"references"})
_ADDRESS = re.compile(rb"<([^<>\s]+@[^<>\s]+)>|([^\s<>\",;]+@[^\s<>\",;]+)")


@dataclass(frozen=True)
class Candidate:
    uid: int
    raw: bytes
    gm_thrid: str | None = None


def _fields(raw: bytes) -> dict[bytes, bytes]:
    out: dict[bytes, bytes] = {}
    for m in _FIELD.finditer(raw):
        name = m.group(1).lower()
        value = m.group(2).rstrip(b"\r")
        if name not in out:
            out[name] = value
        elif name in _JOINED:
            out[name] += b" " + value
    return out


def _machine_made(f: dict[bytes, bytes]) -> bool:
    """The logbook's own rule (:func:`machine_kind`) on the raw fields: could this be a
    bounce or an auto-reply?"""
    fields = {
        name: f[name.encode()].decode("ascii", "surrogateescape")
        for name in SIGNAL_FIELDS
        if name.encode() in f
    }
    return machine_kind(signals_from_fields(fields)) != "email"


def _ids(value: bytes | None) -> list[str]:
    if not value:
        return []
    return parse_message_ids([value.decode("latin-1")])


class Prefilter:
    """Per folder scan: which of a chunk's messages deserve a full look."""

    def __init__(
        self,
        store: BatchedLookup,
        account: Account,
        *,
        sent: bool,
        subject_rule: bool,
        everything: bool = False,
    ) -> None:
        self.store = store
        self.sent = sent
        self.everything = everything
        self.own = account.email.lower().encode()
        self.logging = account.bcc_address.lower().encode()
        self.subject_rule = subject_rule and not sent
        self.subjects: set[str] = store.tracked_subjects() if self.subject_rule else set()

    def select(self, chunk: Sequence[Candidate]) -> set[int]:
        if self.everything:
            return {c.uid for c in chunk}
        parsed = [(c, _fields(c.raw)) for c in chunk]
        refs = {c.uid: _ids(f.get(b"in-reply-to")) + _ids(f.get(b"references")) for c, f in parsed}
        tracked = self.store.tracked_among({i for ids in refs.values() for i in ids})
        thrids = self.store.gm_thrids_among({c.gm_thrid for c in chunk if c.gm_thrid})
        guids = {
            c.uid: conversation_guid(f[b"thread-index"].decode("latin-1"))
            for c, f in parsed
            if b"thread-index" in f
        }
        known_guids = self.store.thread_guids_among({g for g in guids.values() if g})
        keep: set[int] = set()
        for c, f in parsed:
            guid = guids.get(c.uid)
            if (guid is not None and guid in known_guids) or self._relevant(
                c, f, refs[c.uid], tracked, thrids
            ):
                keep.add(c.uid)
                # a later message of the same chunk may answer this one once it is logged
                tracked.update(_ids(f.get(b"message-id")))
                if guid is not None:
                    known_guids.add(guid)
                if self.subject_rule and b"subject" in f:
                    self.subjects.add(self._subject(f[b"subject"]))
        return keep

    def _subject(self, raw: bytes) -> str:
        text = raw.decode("utf-8", "replace")
        if "=?" in text:
            text = decode_header_text(text)
        return normalise_subject(text)

    def _relevant(
        self,
        c: Candidate,
        f: dict[bytes, bytes],
        refs: list[str],
        tracked: set[str],
        thrids: set[str],
    ) -> bool:
        if any(r in tracked for r in refs):
            return True
        if c.gm_thrid and c.gm_thrid in thrids:
            return True
        sender = f.get(b"from", b"").lower()
        if self.own in sender:
            return True  # the user's own mail: Bcc logging, Sent continuations, relays
        if self.sent:
            return b"x-replytrail-id" in f
        if self.logging in c.raw.lower():
            return True
        if _machine_made(f):
            return True  # a bounce finds its thread through the returned Message-ID
        if not (self.subject_rule and self.subjects and b"subject" in f) or b"list-id" in f:
            return False
        m = _ADDRESS.search(sender)
        address = (m.group(1) or m.group(2)).decode("latin-1") if m else ""
        if not address or is_group_sender(address):
            return False  # the subject rule never applies to group senders or mailing lists
        return self._subject(f[b"subject"]) in self.subjects
