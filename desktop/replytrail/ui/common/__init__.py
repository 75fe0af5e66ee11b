"""ui.common: see docs/architecture.md."""
