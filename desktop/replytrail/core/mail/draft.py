"""An email being written: what compose keeps on disk and the sender turns into a message."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Draft"]


@dataclass
class Draft:
    account: str
    to: list[str]
    cc: list[str]
    subject: str
    body: str
    attachments: list[Path] = field(default_factory=list)
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "to": self.to,
            "cc": self.cc,
            "subject": self.subject,
            "body": self.body,
            "attachments": [str(p) for p in self.attachments],
            "in_reply_to": self.in_reply_to,
            "references": self.references,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Draft:
        return cls(
            account=str(data.get("account", "")),
            to=list(data.get("to", [])),
            cc=list(data.get("cc", [])),
            subject=str(data.get("subject", "")),
            body=str(data.get("body", "")),
            attachments=[Path(p) for p in data.get("attachments", [])],
            in_reply_to=str(data.get("in_reply_to", "")),
            references=list(data.get("references", [])),
        )
