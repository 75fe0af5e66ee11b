"""``replytrail account add --oauth microsoft|google [--device-code]`` (SPEC §4.4, §12)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from replytrail.commands.context import CliContext
from replytrail.core.accounts import normalise_email
from replytrail.core.errors import KnownError, UsageError
from replytrail.core.i18n import QT_TRANSLATE_NOOP, translate
from replytrail.core.mail.connect import test_imap, test_smtp
from replytrail.core.models import Account
from replytrail.core.oauth.client import TokenResponse
from replytrail.core.oauth.device import DeviceCode
from replytrail.core.oauth.providers import OAuthProvider, load_catalog
from replytrail.core.oauth.signin import (
    account_for,
    keep_refresh_token,
    open_system_browser,
    save_signed_in,
    sign_in,
)
from replytrail.core.oauth.tokens import TokenSource, token_client

__all__ = ["add_oauth_options", "run_add_oauth"]

CTX = "cli"


def add_oauth_options(add: Any) -> None:
    add.add_argument(
        "--oauth",
        metavar="PROVIDER",
        help="sign in with the provider in the browser instead of a password "
        "(microsoft or google; a team preset may add its own)",
    )
    add.add_argument(
        "--device-code",
        action="store_true",
        help="with --oauth: sign in on another device (for machines without a browser)",
    )


def _say(ctx: CliContext, text: str, **params: object) -> None:
    print(translate(CTX, text, **params), file=ctx.out, flush=True)


def _base_account(
    args: argparse.Namespace, ctx: CliContext, build: Callable[..., Account]
) -> Account | None:
    """The servers given or discovered; None: use the provider's own."""
    if args.no_discover and not args.imap_host:
        return None
    try:
        return build(args, ctx)
    except UsageError:
        return None


def _sign_in(
    args: argparse.Namespace, ctx: CliContext, provider: OAuthProvider, email: str
) -> TokenResponse:
    def show_code(code: DeviceCode) -> None:
        _say(
            ctx,
            QT_TRANSLATE_NOOP(
                "cli", "To sign in, open {url} on any device and enter the code {code}"
            ),
            url=code.verification_uri,
            code=code.user_code,
        )

    def open_url(url: str) -> bool:
        _say(ctx, QT_TRANSLATE_NOOP("cli", "Opening your browser to sign in with {provider}…"),
             provider=provider.name)  # fmt: skip
        _say(ctx, QT_TRANSLATE_NOOP("cli", "If no browser opens, visit: {url}"), url=url)
        return open_system_browser(url)

    return sign_in(
        provider,
        ctx.settings,
        email,
        open_url=open_url,
        show_device_code=show_code if args.device_code else None,
    )


def run_add_oauth(args: argparse.Namespace, ctx: CliContext, build: Callable[..., Account]) -> int:
    if args.password_stdin:
        raise UsageError(
            QT_TRANSLATE_NOOP(
                "errors", "--oauth signs in without a password: drop --password-stdin."
            )
        )
    provider = load_catalog(ctx.preset).get(args.oauth)
    email = normalise_email(args.email)
    token_client(provider, ctx.settings)  # no client id: say what to register before anything
    account = account_for(email, provider, _base_account(args, ctx, build))
    ctx.credentials.check()
    tokens = _sign_in(args, ctx, provider, email)
    keep_refresh_token(account, tokens, ctx.credentials)
    if not args.no_test:
        source = TokenSource(account, token_client(provider, ctx.settings), ctx.credentials)
        source.seed(tokens)
        try:
            test_imap(account, source)
            test_smtp(account, source)
        except KnownError:
            ctx.credentials.delete(account.credential_ref)
            raise
    save_signed_in(account, ctx.credentials, ctx.accounts)
    _say(
        ctx,
        QT_TRANSLATE_NOOP(
            "cli",
            "Added {email} (IMAP {imap}, SMTP {smtp}), signed in with {provider}; the "
            "sign-in is kept in the system keyring.",
        ),
        email=account.email,
        imap=f"{account.imap_host}:{account.imap_port}",
        smtp=f"{account.smtp_host}:{account.smtp_port}",
        provider=provider.name,
    )
    return 0
