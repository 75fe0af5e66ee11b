"""Write one benchmark's section into docs/performance.md, leaving the others as they are."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
ORDER = ("## Engine", "## Tray app", "## Timeline", "## Store executor", "## Team store")


def update_section(heading: str, body: str, doc: Path = DOC) -> None:
    """Replace (or add) the ``## heading`` section; sections stay in ORDER."""
    text = doc.read_text() if doc.exists() else "# Performance\n"
    head, *rest = text.split("\n## ")
    sections = {("## " + s).split("\n", 1)[0]: "## " + s.rstrip() + "\n" for s in rest}
    sections[heading] = f"{heading}\n\n{body.strip()}\n"
    ordered = sorted(
        sections,
        key=lambda h: next((i for i, p in enumerate(ORDER) if h.startswith(p)), len(ORDER)),
    )
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(head.rstrip() + "\n\n" + "\n".join(sections[h] for h in ordered))
