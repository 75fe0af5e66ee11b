"""Why a certificate is not trusted, in the user's words (issue 8.10: not OpenSSL's English).

OpenSSL's ``verify_message`` ("unable to get local issuer certificate") is English and
technical; the X.509 verify code says the same in a way we can translate.
"""

from __future__ import annotations

import ssl

from replytrail.core.i18n import QT_TRANSLATE_NOOP, Text

__all__ = ["tls_reason"]

_SELF_SIGNED = QT_TRANSLATE_NOOP("errors", "it is self-signed")
_UNKNOWN_CA = QT_TRANSLATE_NOOP(
    "errors", "it is signed by an authority this computer does not know"
)
_REASONS = {
    18: _SELF_SIGNED,  # X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT
    19: _UNKNOWN_CA,  # X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN
    2: _UNKNOWN_CA,  # X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
    20: _UNKNOWN_CA,  # X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY
    21: _UNKNOWN_CA,  # X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE
    10: QT_TRANSLATE_NOOP("errors", "it has expired"),  # X509_V_ERR_CERT_HAS_EXPIRED
    9: QT_TRANSLATE_NOOP("errors", "it is not valid yet"),  # X509_V_ERR_CERT_NOT_YET_VALID
    23: QT_TRANSLATE_NOOP("errors", "it was revoked"),  # X509_V_ERR_CERT_REVOKED
    62: QT_TRANSLATE_NOOP(  # X509_V_ERR_HOSTNAME_MISMATCH
        "errors", "it is made out for another server name"
    ),
}
_OTHER = QT_TRANSLATE_NOOP("errors", "it could not be verified")


def tls_reason(err: ssl.SSLCertVerificationError) -> Text:
    """The reason a certificate failed verification, translated when shown."""
    return Text("errors", _REASONS.get(int(err.verify_code or 0), _OTHER))
