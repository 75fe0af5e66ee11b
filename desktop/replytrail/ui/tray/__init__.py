"""ui.tray: see docs/architecture.md."""
