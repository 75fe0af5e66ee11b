"""ui.wizard.pages: see docs/architecture.md."""
