"""ui.timeline: see docs/architecture.md."""
