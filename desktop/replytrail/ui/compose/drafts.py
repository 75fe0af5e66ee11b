"""Drafts on disk: one JSON file per conversation, written atomically, so nothing typed is lost."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from replytrail.core.config import atomic_write
from replytrail.core.mail.draft import Draft

__all__ = ["DraftFile", "draft_key"]

log = logging.getLogger("replytrail.ui.compose")


def draft_key(*, to: str = "", in_reply_to: str = "") -> str:
    """A file stem per conversation: a reply to one email, or a new email to one address."""
    if in_reply_to:
        return "reply-" + hashlib.sha256(in_reply_to.encode()).hexdigest()[:20]
    if to.strip():
        return "new-" + hashlib.sha256(to.strip().lower().encode()).hexdigest()[:20]
    return "new"


class DraftFile:
    """``<drafts_dir>/<key>.json`` holding :meth:`Draft.to_json` (attachments as paths)."""

    def __init__(self, drafts_dir: Path, key: str) -> None:
        self.path = drafts_dir / f"{key}.json"

    def load(self) -> Draft | None:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as e:
            log.warning("a draft could not be read (%s); starting empty", type(e).__name__)
            return None
        if not isinstance(data, dict):
            return None
        return Draft.from_json(data)

    def save(self, draft: Draft) -> None:
        atomic_write(
            self.path,
            json.dumps(draft.to_json(), ensure_ascii=False, indent=1).encode("utf-8"),
            mode=0o600,
        )

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)

    def exists(self) -> bool:
        return self.path.exists()
