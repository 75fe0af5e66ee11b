"""``replytrail discover EMAIL [--json]``: the server settings found, or the POP3 verdict."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from replytrail.core.discovery import DiscoveryResult, ServerSettings, discover, email_domain
from replytrail.core.discovery.engine import DEFAULT_STEP_TIMEOUT, DEFAULT_TIMEOUT
from replytrail.core.discovery.preset import preset_section
from replytrail.core.errors import KnownError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.settings_view import SettingsValues

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["register", "render", "run"]

CTX = "discover"

_SECURITY = {
    "ssl": QT_TRANSLATE_NOOP("discover", "SSL/TLS"),
    "starttls": QT_TRANSLATE_NOOP("discover", "STARTTLS"),
}


class _Settings(Protocol):
    def values(self) -> SettingsValues: ...


class DiscoverContext(Protocol):
    """What ``run`` needs of :class:`replytrail.commands.context.CliContext`."""

    @property
    def preset(self) -> Mapping[str, Any]: ...
    @property
    def settings(self) -> _Settings: ...
    @property
    def out(self) -> TextIO: ...
    @property
    def err(self) -> TextIO: ...


def register(sub: SubParsers) -> None:
    p = sub.add_parser("discover", help="find the server settings for an email address")
    p.add_argument("email", metavar="EMAIL")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--timeout",
        type=float,
        metavar="S",
        default=DEFAULT_TIMEOUT,
        help=f"give up after S seconds (default {DEFAULT_TIMEOUT:g})",
    )
    p.set_defaults(func=run)


def _server_line(label: str, s: ServerSettings) -> str:
    line = translate(
        CTX,
        QT_TRANSLATE_NOOP(
            "discover", "{label}: {protocol} {host}:{port} ({security}), user {user}"
        ),
        label=label,
        protocol=s.protocol.upper(),
        host=s.host,
        port=s.port,
        security=translate(CTX, _SECURITY[s.security]),
        user=s.username,
    )
    if s.tls_trusted is False:
        line += "\n  " + translate(
            CTX,
            QT_TRANSLATE_NOOP(
                "discover", "certificate NOT trusted ({reason}); SHA-256 {fingerprint}"
            ),
            reason=s.tls_error,
            fingerprint=s.fingerprint,
        )
    return line


def render(result: DiscoveryResult) -> str:
    """The human-readable answer: incoming, outgoing, where it came from (+ POP3 guidance)."""
    lines: list[str] = []
    if result.incoming:
        lines.append(
            _server_line(translate(CTX, QT_TRANSLATE_NOOP("discover", "Incoming")), result.incoming)
        )
    if result.outgoing:
        lines.append(
            _server_line(translate(CTX, QT_TRANSLATE_NOOP("discover", "Outgoing")), result.outgoing)
        )
    else:
        lines.append(translate(CTX, QT_TRANSLATE_NOOP("discover", "Outgoing: not found")))
    found_by = translate(
        CTX, QT_TRANSLATE_NOOP("discover", "Found by: {source}"), source=result.source
    )
    if result.provider:
        found_by += f" ({result.provider.name})"
    lines.append(found_by)
    p = result.provider
    if p and not result.pop3_only:
        if p.auth == "oauth2":
            lines.append(
                translate(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "discover", "Sign-in: with {provider} (no passwords over IMAP)"
                    ),
                    provider=p.name,
                )
            )
        elif p.auth == "app-password":
            lines.append(
                translate(
                    CTX,
                    QT_TRANSLATE_NOOP("discover", "Sign-in: an app password ({url})"),
                    url=p.app_password_url or p.name,
                )
            )
    if result.pop3_only:
        lines += ["", result.guidance]
    return "\n".join(lines)


def run(args: argparse.Namespace, ctx: DiscoverContext) -> int:
    try:
        email_domain(args.email)
    except ValueError:
        print(
            translate(
                CTX,
                QT_TRANSLATE_NOOP("discover", "replytrail: “{email}” is not an email address"),
                email=args.email,
            ),
            file=ctx.err,
        )
        return 2
    try:
        step_timeout = ctx.settings.values().discovery.timeout
    except (KnownError, KeyError, TypeError, ValueError):
        step_timeout = DEFAULT_STEP_TIMEOUT
    timeout = max(0.1, float(args.timeout))
    result = discover(
        args.email,
        preset=preset_section(ctx.preset),
        timeout=timeout,
        step_timeout=min(step_timeout, timeout),
    )
    if args.json:
        json.dump(result.to_json(), ctx.out, indent=2, ensure_ascii=False)
        ctx.out.write("\n")
    elif result.found:
        print(render(result), file=ctx.out)
    if not result.found:
        print(
            translate(
                CTX,
                QT_TRANSLATE_NOOP(
                    "discover",
                    "replytrail: no mail server found for {domain} (tried {steps}); enter the "
                    "settings by hand (replytrail account add --imap-host ...)",
                ),
                domain=email_domain(args.email),
                steps=", ".join(s.source for s in result.steps_tried if s.outcome != "not-needed"),
            ),
            file=ctx.err,
        )
        return 1
    return 0
