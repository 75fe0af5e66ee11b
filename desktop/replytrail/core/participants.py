"""Who of an email's people becomes a contact: no own addresses, group senders or never-log
entries, and at most :data:`MAX_NEW_CONTACTS` new contacts from one email (the rest stay on
the email as participants in To/Cc)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from replytrail.core.matching.kinds import is_group_sender
from replytrail.core.matching.matcher import is_never_logged
from replytrail.core.models import Account, Address

__all__ = ["MAX_NEW_CONTACTS", "cap_new_contacts", "contact_candidates", "own_addresses"]

log = logging.getLogger("replytrail.logbook")

#: new contacts one email may create; its other addresses stay participants (To/Cc)
MAX_NEW_CONTACTS = 50


def own_addresses(account: Account) -> set[str]:
    """The account's address and its Bcc logging address, lower-case."""
    return {account.email.lower(), account.bcc_address.lower()}


def _own_sub_address(key: str, account: Account) -> bool:
    local, _, domain = account.email.lower().partition("@")
    return key.rpartition("@")[0].split("+")[0] == local and key.endswith("@" + domain)


def contact_candidates(
    addrs: Iterable[Address], account: Account, never_log: Iterable[str]
) -> list[Address]:
    """*addrs* without the user's own addresses (and sub-addresses), group senders and
    never-log entries, in order."""
    own = own_addresses(account)
    never = tuple(never_log)
    out: list[Address] = []
    for a in addrs:
        key = a.email.lower()
        if key in own or not key or is_group_sender(a) or is_never_logged(a, never):
            continue
        if _own_sub_address(key, account):
            continue  # the user's own sub-addresses
        out.append(a)
    return out


def cap_new_contacts(contacts: list[Address], is_known: Callable[[str], bool]) -> list[Address]:
    """At most :data:`MAX_NEW_CONTACTS` new contacts (a mail to 10,000 Cc addresses is not
    10,000 customers); known contacts (*is_known*) are always kept, order is kept."""
    if len(contacts) <= MAX_NEW_CONTACTS:
        return contacts
    seen: dict[str, Address] = {}
    for a in contacts:
        seen.setdefault(a.email.lower(), a)
    unique = list(seen.values())
    known = [a for a in unique if is_known(a.email)]
    fresh = [a for a in unique if a not in known][:MAX_NEW_CONTACTS]
    log.info("%d new contacts in one email; kept %d", len(unique) - len(known), len(fresh))
    chosen = {id(a) for a in known + fresh}
    return [a for a in unique if id(a) in chosen]
