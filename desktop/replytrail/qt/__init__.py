"""qt: see docs/architecture.md."""
