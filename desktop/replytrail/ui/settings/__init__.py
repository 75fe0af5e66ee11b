"""ui.settings: see docs/architecture.md."""
