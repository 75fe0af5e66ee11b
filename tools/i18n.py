"""Update, check and compile the translations (SPEC §10): ``python tools/i18n.py update|check``.

``update``: pyside6-lupdate over all of ``desktop/replytrail`` (the UI's ``self.tr()``, the
core's ``QT_TRANSLATE_NOOP(context, text)``) into ``resources/translations/replytrail_de.ts``
(every message) and ``replytrail_en.ts`` (plural forms only: English is the source
language); fills unfinished German messages from JSON files (``{"source": "German"}`` or
``{"context": {"source": "German"}}``) found as ``*_de.json`` under ``tests/`` and
``resources/translations/import/`` or given with ``--import`` (an ``"__override__"`` table
there replaces finished ones too: docs/glossary.md); then pyside6-lrelease to .qm.
``check``: exit 1 when the .ts files are out of date with the sources or a German message
is unfinished.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "replytrail"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGS = {"de": [], "en": ["-pluralonly"]}
Key = tuple[str, str]  # (context, source)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"replytrail_{lang}.ts"


def lupdate(ts: Path, extra: list[str]) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-extensions",
            "py",
            *extra,
            str(SOURCES),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def lrelease(ts: Path) -> None:
    subprocess.run(
        [_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )


def messages(ts: Path) -> dict[Key, ET.Element]:
    """Every current (not vanished/obsolete) message of a .ts file by (context, source)."""
    out: dict[Key, ET.Element] = {}
    for ctx in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own .ts files
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                continue
            out[(name, msg.findtext("source") or "")] = msg
    return out


def unfinished(ts: Path) -> list[Key]:
    bad = []
    for key, msg in messages(ts).items():
        tr = msg.find("translation")
        forms = [] if tr is None else list(tr.iter("numerusform"))
        empty = tr is None or (
            not (tr.text or "").strip()
            if not forms
            else any(not (f.text or "").strip() for f in forms)
        )
        if tr is None or tr.get("type") == "unfinished" or empty:
            bad.append(key)
    return bad


Translation = str | list[str]  # a text, or the plural forms of a %n message


def _load_imports(extra: list[Path]) -> tuple[dict[Key, Translation], dict[str, Translation]]:
    files = [
        *sorted((ROOT / "tests").rglob("*_de.json")),
        *sorted((TRANSLATIONS / "import").glob("*.json")),
        *extra,
    ]
    by_key: dict[Key, Translation] = {}
    by_source: dict[str, Translation] = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            continue
        for k, v in data.items():
            if k == OVERRIDE and isinstance(v, dict):  # glossary fixes: finished ones too
                OVERRIDES.update(
                    {
                        (c, src): t
                        for c, m in v.items()
                        if isinstance(m, dict)
                        for src, t in m.items()
                    }
                )
            elif isinstance(v, dict):
                by_key.update({(k, s): t for s, t in v.items() if isinstance(t, str | list)})
            elif isinstance(v, str | list):
                by_source[k] = v
    return by_key, by_source


#: ``{"__override__": {"context": {"source": "German"}}}`` in an import file replaces a
#: German translation even when it is finished (applying docs/glossary.md to older text)
OVERRIDE = "__override__"
OVERRIDES: dict[Key, Translation] = {}


def english_plurals(source: str) -> list[str] | None:
    """ "%n account(s)" -> ["%n account", "%n accounts"]; None when the rule does not apply."""
    if "(s)" not in source:
        return None
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def fill(
    ts: Path,
    by_key: dict[Key, Translation],
    by_source: dict[str, Translation],
    english: bool = False,
) -> int:
    """Fill unfinished messages from the imports; returns how many were filled."""
    tree = ET.parse(ts)  # noqa: S314 - our own .ts files
    n = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            source = msg.findtext("source") or ""
            fixed = None if english else OVERRIDES.get((name, source))
            if tr is not None and isinstance(fixed, str) and tr.get("type") != "vanished":
                if tr.text != fixed or tr.get("type") == "unfinished":
                    tr.text = fixed
                    tr.attrib.pop("type", None)
                    n += 1
                continue
            if tr is None or tr.get("type") != "unfinished":
                continue
            numerus = msg.get("numerus") == "yes"
            text = (
                english_plurals(source)
                if english
                else by_key.get((name, source), by_source.get(source))
            )
            if not text or isinstance(text, list) != numerus:
                continue
            if isinstance(text, list):
                forms = list(tr.iter("numerusform"))
                if len(forms) != len(text):
                    continue
                for form, value in zip(forms, text, strict=True):
                    form.text = value
            else:
                tr.text = text
            del tr.attrib["type"]
            n += 1
    if n:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def update(imports: list[Path]) -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    by_key, by_source = _load_imports(imports)
    for lang, extra in LANGS.items():
        ts = ts_path(lang)
        lupdate(ts, extra)
        if fill(ts, by_key, by_source, english=lang == "en"):
            lupdate(ts, extra)  # back to lupdate's own layout
        lrelease(ts)
        todo = unfinished(ts)
        print(f"{ts.name}: {len(messages(ts))} messages, {len(todo)} unfinished")
    return 0


def check() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, extra in LANGS.items():
            committed = ts_path(lang)
            if not committed.exists():
                problems.append(f"{committed.name} is missing: run tools/i18n.py update")
                continue
            fresh = ts_path(lang, Path(tmp))
            shutil.copy(committed, fresh)
            lupdate(fresh, extra)
            new, old = set(messages(fresh)), set(messages(committed))
            problems += [f"{committed.name}: not extracted yet: {c}: {s!r}" for c, s in new - old]
            problems += [
                f"{committed.name}: no longer in the code: {c}: {s!r}" for c, s in old - new
            ]
            if not committed.with_suffix(".qm").exists():
                problems.append(f"{committed.with_suffix('.qm').name} is missing")
    for lang in LANGS:
        problems += [
            f"replytrail_{lang}.ts: unfinished: {c}: {s!r}" for c, s in unfinished(ts_path(lang))
        ]
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s): run 'python tools/i18n.py update' and translate")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("command", nargs="?", default="update", choices=["update", "check"])
    p.add_argument(
        "--import",
        dest="imports",
        action="append",
        default=[],
        type=Path,
        metavar="JSON",
        help="more German translations to fill in",
    )
    args = p.parse_args(argv)
    return update(args.imports) if args.command == "update" else check()


if __name__ == "__main__":
    sys.exit(main())
