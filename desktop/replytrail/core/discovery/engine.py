"""Run the discovery steps concurrently and pick the first hit by priority (SPEC §4.1)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

import dns.exception

from replytrail.core.discovery.autoconfig import AutoconfigError
from replytrail.core.discovery.pop3 import pop3_guidance
from replytrail.core.discovery.providers import ProviderDB, load_providers
from replytrail.core.discovery.settings import SOURCES, DiscoveryResult, Source, StepLog
from replytrail.core.discovery.steps import Candidate, StepFn, make_steps

__all__ = ["DEFAULT_STEP_TIMEOUT", "DEFAULT_TIMEOUT", "OnStep", "discover", "email_domain"]

log = logging.getLogger("replytrail.discovery")

DEFAULT_TIMEOUT = 12.0  # the whole discovery
DEFAULT_STEP_TIMEOUT = 3.0  # one HTTP request, DNS query or connection
# answered without the network: run first, in order
_LOCAL: tuple[Source, ...] = ("preset", "provider-db")
_EXPECTED = (OSError, LookupError, AutoconfigError, dns.exception.DNSException, ValueError)

#: called once per step with its final log, from the thread that finished the step
OnStep = Callable[[StepLog], None]


def email_domain(email: str) -> str:
    """The ASCII (IDNA) domain of *email*; ``ValueError`` when it is not an address."""
    local, at, domain = email.strip().rpartition("@")
    domain = domain.strip().lower().rstrip(".")
    if not at or not local or "." not in domain or any(c.isspace() for c in email.strip()):
        raise ValueError(f"not an email address: {email!r}")
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError as e:
        raise ValueError(f"not a valid domain: {domain!r}") from e


class _Run:
    """Book-keeping of one discovery: outcomes per step in priority order.

    A step's log is final once written: a step that answers after it was given up
    (``timeout``, ``not-needed``, ``cancelled``) is ignored, so *on_step* hears of every
    step exactly once and with the outcome that ``steps_tried`` reports.
    """

    def __init__(self, email: str, on_step: OnStep | None = None) -> None:
        self.email = email
        self.on_step = on_step
        self.found: dict[Source, Candidate | None] = {}
        self.logs: dict[Source, StepLog] = {}
        self.lock = threading.Lock()

    def record(self, source: Source, started: float, fn: StepFn) -> None:
        cand: Candidate | None = None
        try:
            cand = fn()
        except _EXPECTED as e:
            outcome, detail = "error", f"{type(e).__name__}: {e}"[:300]
        except Exception as e:  # a bug in a step must not hide what the other steps found
            log.exception("discovery step %s failed", source)
            outcome, detail = "error", f"bug: {type(e).__name__}"
        else:
            detail = cand.detail if cand else ""
            if cand is None or cand.empty:
                outcome = "miss"
            else:
                outcome = "hit" if cand.imap else ("pop3" if cand.pop3 else "smtp-only")
        self._finish(StepLog(source, outcome, detail, time.monotonic() - started), cand)

    def close(self, outcome: str, started: float | None = None) -> None:
        """Give up every step without a log yet: it ends with *outcome* (its time so far)."""
        for source in SOURCES:
            seconds = time.monotonic() - started if started is not None else 0.0
            self._finish(StepLog(source, outcome, "", seconds), None)

    def _finish(self, step: StepLog, cand: Candidate | None) -> None:
        # the callback runs under the lock: discover() returns only after every call ended
        with self.lock:
            if step.source in self.logs:
                return
            self.found[step.source] = cand
            self.logs[step.source] = step
            if self.on_step is not None:
                try:
                    self.on_step(step)
                except Exception:  # a broken listener must not break discovery
                    log.exception("discovery on_step callback failed for %s", step.source)

    def snapshot(self) -> _Run:
        copy = _Run(self.email)
        with self.lock:
            copy.found, copy.logs = dict(self.found), dict(self.logs)
        return copy

    def decided(self, final: bool) -> bool:
        """True when the winner cannot change any more (every earlier step has answered)."""
        for source in SOURCES:
            if source not in self.found:
                return final
            cand = self.found[source]
            if cand is not None and cand.imap is not None:
                return self._outgoing_decided(source) or final
        return final

    def _outgoing_decided(self, winner: Source) -> bool:
        cand = self.found[winner]
        if cand is not None and cand.smtp is not None:
            return True
        for source in SOURCES:
            if source not in self.found:
                return False
            other = self.found[source]
            if other is not None and other.smtp is not None:
                return True
        return True

    def result(self, db: ProviderDB, domain: str, cancelled: bool) -> DiscoveryResult:
        ordered = [(s, self.found.get(s)) for s in SOURCES]
        done = [(s, c) for s, c in ordered if c is not None]
        winner = next(((s, c) for s, c in done if c.imap), None) or next(
            ((s, c) for s, c in done if c.pop3), None
        )
        logs = tuple(
            self.logs.get(s) or StepLog(s, "cancelled" if cancelled else "not-needed")
            for s in SOURCES
        )
        if winner is None:
            return DiscoveryResult(self.email, steps_tried=logs, cancelled=cancelled)
        source, cand = winner
        incoming = cand.imap or cand.pop3
        out_source, outgoing = next(
            ((s, c.smtp) for s, c in [winner, *done] if c.smtp), (None, None)
        )
        provider = cand.provider or next((c.provider for _, c in done if c.provider), None)
        provider = provider or db.by_domain(domain)
        pop3_only = cand.imap is None
        return DiscoveryResult(
            email=self.email,
            incoming=incoming,
            outgoing=outgoing,
            source=source,
            outgoing_source=out_source,
            pop3_only=pop3_only,
            guidance=pop3_guidance(provider, host=incoming.host if incoming else "")
            if pop3_only
            else "",
            provider=provider,
            steps_tried=logs,
            cancelled=cancelled,
        )


def discover(
    email: str,
    *,
    preset: Mapping[str, Any] | None = None,
    providers: ProviderDB | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    step_timeout: float = DEFAULT_STEP_TIMEOUT,
    cancel: threading.Event | None = None,
    on_step: OnStep | None = None,
) -> DiscoveryResult:
    """Find the IMAP/SMTP settings for *email* (SPEC §4.1).

    Steps, by priority: ``preset`` (the team preset, see
    :func:`~replytrail.core.discovery.preset.settings_from_preset`), ``provider-db``,
    ``autoconfig``, ``ispdb``, ``dns-srv``, ``dns-mx``, ``probe``. The two local steps run
    first; the network steps run concurrently, each network operation limited to
    *step_timeout* seconds and the whole run to *timeout*. The first step by priority that
    found IMAP wins; when no step found IMAP the first that found POP3 wins and the result
    is ``pop3_only`` with ``guidance``. A missing SMTP server is filled from the next step
    that found one. Setting *cancel* stops the run (``result.cancelled``; nothing found).

    *on_step*, if given, is called with each step's :class:`StepLog` as soon as that step
    is final (a network step from the worker thread that ran it; the local steps and the
    steps given up from the calling thread): exactly once per step, with the same log as
    in ``steps_tried``, and all calls end before ``discover`` returns. Calls are
    serialised; keep them short (e.g. emit a queued Qt signal).

    Returns e.g. ``DiscoveryResult(incoming=ServerSettings("imap", "imap.gmail.com", 993,
    "ssl", "a@gmail.com"), outgoing=ServerSettings("smtp", ...), source="provider-db", ...)``.
    Raises ``ValueError`` when *email* is not an address.
    """
    domain = email_domain(email)
    email = email.strip()
    db = providers if providers is not None else load_providers()
    cancel = cancel or threading.Event()
    stop = threading.Event()
    steps = make_steps(email, domain, preset=preset, db=db, timeout=step_timeout, stop=stop)
    run = _Run(email, on_step)
    t0 = time.monotonic()
    for source in _LOCAL:
        run.record(source, t0, steps[source])
        if cancel.is_set():
            run.close("cancelled")
            return run.result(db, domain, cancelled=True)
    if run.decided(final=False):
        run.close("not-needed")
        return run.result(db, domain, cancelled=False)
    deadline = t0 + timeout
    network = [s for s in SOURCES if s not in _LOCAL]
    pool = ThreadPoolExecutor(max_workers=len(network), thread_name_prefix="discover")
    try:
        pending: dict[Future[None], Source] = {
            pool.submit(run.record, s, time.monotonic(), steps[s]): s for s in network
        }
        while pending and not cancel.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            done, _ = wait(pending, timeout=min(0.05, left), return_when=FIRST_COMPLETED)
            for fut in done:
                del pending[fut]
            if run.snapshot().decided(final=False):
                break
        if cancel.is_set():
            outcome = "cancelled"
        else:
            outcome = "timeout" if time.monotonic() >= deadline else "not-needed"
        run.close(outcome, started=t0)
    finally:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
    if cancel.is_set():
        logs = run.snapshot().logs
        steps_tried = tuple(logs.get(s) or StepLog(s, "cancelled") for s in SOURCES)
        return DiscoveryResult(email, steps_tried=steps_tried, cancelled=True)
    # a step still running may finish while the result is built: use a snapshot
    return run.snapshot().result(db, domain, cancelled=False)
