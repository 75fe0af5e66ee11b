"""Sign-in with Microsoft and Google (SPEC §4.4): providers, flows, tokens, SASL."""

__all__: list[str] = []
