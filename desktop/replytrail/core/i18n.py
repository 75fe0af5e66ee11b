"""Translation seam for the Qt-free core.

Core code marks user-visible text with ``QT_TRANSLATE_NOOP(context, text)`` so that
``pyside6-lupdate`` extracts it into ``resources/translations/*.ts``; the text is
translated when it is shown, through the function the front end installs with
:func:`install` (the Qt app and the CLI install ``QCoreApplication.translate``).
Placeholders use ``str.format`` names (``{host}``) and are filled after translation.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["QT_TRANSLATE_NOOP", "Text", "install", "translate"]


def _identity(_context: str, text: str) -> str:
    return text


_translator: Callable[[str, str], str] = _identity


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate recognises
    """Mark *text* for extraction under *context*; returns it unchanged."""
    del context
    return text


def install(func: Callable[[str, str], str]) -> None:
    """Route :func:`translate` through *func* (context, source text) -> translated text."""
    global _translator
    _translator = func


def translate(context: str, text: str, **params: object) -> str:
    """Translate a marked text and fill its ``{placeholders}``."""
    out = _translator(context, text)
    return out.format(**params) if params else out


class Text:
    """A marked text with its parameters, translated only when rendered."""

    __slots__ = ("context", "params", "source")

    def __init__(self, context: str, source: str, **params: object) -> None:
        self.context, self.source, self.params = context, source, params

    def __str__(self) -> str:
        return translate(self.context, self.source, **self.params)

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {self.source!r})"
