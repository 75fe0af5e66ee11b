"""ui.reading: see docs/architecture.md."""
