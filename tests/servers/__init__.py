"""Real servers for the tests: Dovecot, SMTP relays, PostgreSQL, keyring, Xvfb."""
