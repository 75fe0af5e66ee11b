"""Dovecot that accepts SASL XOAUTH2/OAUTHBEARER tokens, checked by RFC 7662 introspection.

Builds on :class:`servers.mailservers.Dovecot` (the recipe ../shared/recipes/oauth2): the
rendered config is edited, so fixes to the base config carry over. The password passdb is
restricted to PLAIN/LOGIN, or a password would be accepted as an XOAUTH2 "token".
"""

from __future__ import annotations

import os
from typing import Any

from servers.mailservers import Dovecot

OAUTH2_EXT = """\
introspection_url = {url}
introspection_mode = post
client_id = dovecot
client_secret = dovecot-secret
username_attribute = username
active_attribute = active
active_value = true
timeout_msecs = 5000
"""

PASSDB_PASSWD_FILE = "passdb {\n  driver = passwd-file\n"
BASE_MECHS = "auth_mechanisms = plain login\n"


class OAuthDovecot(Dovecot):
    """*mechanisms*: the token mechanisms offered ("xoauth2 oauthbearer" or just one)."""

    def __init__(
        self, introspection_url: str, *, mechanisms: str = "xoauth2 oauthbearer", **kw: Any
    ) -> None:
        super().__init__(**kw)
        self.introspection_url, self.mechanisms = introspection_url, mechanisms

    def write_config(self) -> None:
        super().write_config()
        ext = self.root / "dovecot-oauth2.conf.ext"
        ext.write_text(OAUTH2_EXT.format(url=self.introspection_url))
        os.chmod(ext, 0o644)  # read by the auth process (user dovecot)
        conf = self.conf.read_text()
        assert BASE_MECHS in conf and PASSDB_PASSWD_FILE in conf, "base config changed"
        conf = conf.replace(
            BASE_MECHS, f"auth_mechanisms = plain login {self.mechanisms}\nauth_verbose = yes\n"
        )
        conf = conf.replace(
            PASSDB_PASSWD_FILE,
            f"passdb {{\n  driver = oauth2\n  mechanisms = {self.mechanisms}\n  args = {ext}\n}}\n"
            + PASSDB_PASSWD_FILE
            + "  mechanisms = plain login\n",
        )
        self.conf.write_text(conf)
