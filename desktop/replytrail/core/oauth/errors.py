"""What can go wrong with sign-in, in plain words: permanent ("sign in again") or temporary."""

from __future__ import annotations

from replytrail.core.errors import AuthFailed, KnownError
from replytrail.core.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "AdminConsentRequired",
    "OAuthNotConfigured",
    "OAuthUnavailable",
    "SignInAgain",
    "SignInCancelled",
    "SignInFailed",
    "SmtpAuthDisabled",
    "TemporaryAuthFailure",
    "WrongAccountChosen",
]


class SignInAgain(AuthFailed):
    """The grant was revoked or expired: the account stops until the user signs in again.

    An :class:`AuthFailed`, so every place that stops on a wrong password stops here too.
    """

    code = "sign-in-again"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "The sign-in for {email} is no longer valid (it was revoked or has expired): "
        "choose \u201cSign in again\u201d.",
    )


class WrongAccountChosen(AuthFailed):
    code = "wrong-account"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "You signed in as {chosen} in the browser, but this account is {email}: sign in "
        "again and pick {email}.",
    )


class AdminConsentRequired(AuthFailed):
    code = "admin-consent"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Your organisation's administrator must first allow Replytrail to read and send "
        "mail ({provider}: admin consent). Ask them, then sign in again.",
    )


class SmtpAuthDisabled(AuthFailed):
    code = "smtp-auth-disabled"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Sending is switched off for {email}: {provider} has SMTP AUTH disabled for this "
        "mailbox. Your administrator can enable \u201cAuthenticated SMTP\u201d for it.",
    )


class SignInFailed(KnownError):
    code = "sign-in-failed"
    template = QT_TRANSLATE_NOOP("errors", "Sign-in with {provider} did not work: {detail}")


class SignInCancelled(KnownError):
    code = "sign-in-cancelled"
    template = QT_TRANSLATE_NOOP(
        "errors", "Sign-in with {provider} was cancelled or took too long; nothing was saved."
    )


class OAuthNotConfigured(AuthFailed):
    """No client id: an account using this provider stops until one is configured."""

    code = "oauth-not-configured"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "Sign-in with {provider} needs a client id, and none is configured. Register an app "
        "at {register_url} (public client, redirect URI http://127.0.0.1, mail permissions) "
        "and set its id with: replytrail config set {setting} ID (docs/oauth.md has the steps).",
    )


class OAuthUnavailable(KnownError):
    """The token endpoint could not be reached: temporary, retried with backoff."""

    code = "oauth-unavailable"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{provider}'s sign-in service cannot be reached right now ({detail}); Replytrail "
        "tries again by itself.",
    )


class TemporaryAuthFailure(KnownError):
    """The mail server could not check the sign-in just now (``NO [UNAVAILABLE]``)."""

    code = "auth-unavailable"
    template = QT_TRANSLATE_NOOP(
        "errors",
        "{host} could not check the sign-in just now (temporary failure); Replytrail "
        "tries again by itself.",
    )
