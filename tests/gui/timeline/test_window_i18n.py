"""The German texts handed to the translation file keep every placeholder of their source."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_german_texts_keep_placeholders() -> None:
    data = json.loads((Path(__file__).parent / "timeline_de.json").read_text("utf-8"))
    assert {"TimelineWindow", "ComposeDialog", "ReadingPane", "Badges"} <= set(data)
    for context, texts in data.items():
        for source, german in texts.items():
            assert german.strip(), (context, source)
            assert sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(german)), (
                context,
                source,
            )
