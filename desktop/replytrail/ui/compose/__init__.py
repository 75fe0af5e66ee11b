"""ui.compose: see docs/architecture.md."""
