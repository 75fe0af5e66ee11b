"""ui.wizard: see docs/architecture.md."""
