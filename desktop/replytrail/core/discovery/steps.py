"""The individual discovery steps of SPEC §4.1, each returning a :class:`Candidate` or ``None``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from replytrail.core.discovery import autoconfig, dnslookup, probe
from replytrail.core.discovery.preset import settings_from_preset
from replytrail.core.discovery.providers import ProviderDB
from replytrail.core.discovery.settings import Provider, ServerSettings, Source

__all__ = ["Candidate", "StepFn", "make_steps"]


@dataclass(frozen=True)
class Candidate:
    """What one step found: any of IMAP, POP3 and SMTP settings, and the provider if known."""

    imap: ServerSettings | None = None
    pop3: ServerSettings | None = None
    smtp: ServerSettings | None = None
    provider: Provider | None = None
    detail: str = ""

    @property
    def empty(self) -> bool:
        return self.imap is None and self.pop3 is None and self.smtp is None


StepFn = Callable[[], Candidate | None]


def _from_provider(provider: Provider, email: str, detail: str) -> Candidate:
    return Candidate(
        imap=provider.imap.for_email(email) if provider.imap else None,
        pop3=provider.pop3.for_email(email) if provider.pop3 else None,
        smtp=provider.smtp.for_email(email) if provider.smtp else None,
        provider=provider,
        detail=detail,
    )


def _from_config(cfg: autoconfig.ClientConfig, detail: str) -> Candidate:
    def first(protocol: str) -> ServerSettings | None:
        servers = cfg.outgoing if protocol == "smtp" else cfg.incoming
        return next((s for s in servers if s.protocol == protocol), None)

    return Candidate(first("imap"), first("pop3"), first("smtp"), cfg.provider, detail)


def make_steps(
    email: str,
    domain: str,
    *,
    preset: Mapping[str, Any] | None,
    db: ProviderDB,
    timeout: float,
    stop: threading.Event,
) -> dict[Source, StepFn]:
    """The step functions by source; the caller runs them and picks by priority."""

    def preset_step() -> Candidate | None:
        if not preset:
            return None
        imap, smtp, provider = settings_from_preset(preset, email)
        return Candidate(imap=imap, smtp=smtp, provider=provider, detail="team preset")

    def provider_db_step() -> Candidate | None:
        provider = db.by_domain(domain)
        return _from_provider(provider, email, provider.name) if provider else None

    def autoconfig_step() -> Candidate | None:
        urls = autoconfig.autoconfig_urls(email)
        pool = ThreadPoolExecutor(len(urls), thread_name_prefix="autoconfig")
        try:  # both asked at once; the first URL wins when both answer
            futures = [pool.submit(autoconfig.fetch_config, u, email, timeout) for u in urls]
            errors = []
            for url, fut in zip(urls, futures, strict=True):
                try:
                    return _from_config(fut.result(), url.split("?")[0])
                except (OSError, autoconfig.AutoconfigError) as e:
                    errors.append(f"{url.split('?')[0]}: {e}")
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        raise LookupError("; ".join(errors))

    def ispdb_step() -> Candidate | None:
        url = autoconfig.ispdb_url(email)
        return _from_config(autoconfig.fetch_config(url, email, timeout), url)

    def srv_step() -> Candidate | None:
        records = dnslookup.lookup_srv(domain, timeout)
        imap, pop3, smtp = dnslookup.settings_from_srv(records, email)
        names = ", ".join(sorted(records)) or "no SRV records"
        return Candidate(imap, pop3, smtp, None, names)

    def mx_step() -> Candidate | None:
        hosts = dnslookup.lookup_mx(domain, timeout)
        found = dnslookup.provider_from_mx(hosts, db)
        if found is None:
            return Candidate(detail=f"MX {', '.join(hosts) or 'none'}: no known provider")
        provider, host = found
        return _from_provider(provider, email, f"MX {host} -> {provider.name}")

    def probe_step() -> Candidate | None:
        hits = probe.probe_domain(domain, timeout, stop)
        picked = {p: probe.best_hit(hits, p) for p in ("imap", "pop3", "smtp")}
        settings = {p: (h.settings(email) if h else None) for p, h in picked.items()}
        detail = ", ".join(f"{h.protocol}@{h.host}:{h.port}" for h in hits) or "nothing answered"
        return Candidate(settings["imap"], settings["pop3"], settings["smtp"], None, detail)

    return {
        "preset": preset_step,
        "provider-db": provider_db_step,
        "autoconfig": autoconfig_step,
        "ispdb": ispdb_step,
        "dns-srv": srv_step,
        "dns-mx": mx_step,
        "probe": probe_step,
    }
