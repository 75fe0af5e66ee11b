"""The command line (SPEC §12): the same engine as the tray app, without the GUI.

Exit codes: 0 ok, 1 failure with a one-line reason on stderr, 2 usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from replytrail import __version__
from replytrail.commands import account, config_cmd, doctor, logbook
from replytrail.commands.context import CliContext
from replytrail.core.errors import KnownError
from replytrail.core.paths import resolve_paths

__all__ = ["build_parser", "main"]

log = logging.getLogger("replytrail")

_MODULES = (account, logbook, config_cmd, doctor)


def _optional_modules() -> list[object]:
    """Command modules that other parts of the program add (engine, app) when present."""
    import importlib

    found: list[object] = []
    for name in ("discover", "watch", "send", "app_cmd"):
        try:
            found.append(importlib.import_module(f"replytrail.commands.{name}"))
        except ModuleNotFoundError as e:
            if e.name != f"replytrail.commands.{name}":
                raise
    return found


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"replytrail: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="replytrail", description="Logs customer replies to your tracked emails.")
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep all state (settings, store, attachments) in DIR (also: REPLYTRAIL_HOME)",
    )
    p.add_argument("--verbose", "-v", action="store_true", help="log what happens to stderr")
    p.add_argument("--version", action="version", version=f"replytrail {__version__}")
    p.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a temporary data dir with sample threads",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for mod in [*_MODULES, *_optional_modules()]:
        mod.register(sub)  # type: ignore[attr-defined]
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    if args.command is None or args.demo:
        from replytrail.app.main import run_app  # imports Qt: only for the tray app

        return run_app(data_dir=args.data_dir, demo=args.demo)
    from replytrail.app.i18n import install_cli_translator

    ctx = CliContext(paths=resolve_paths(args.data_dir))
    try:
        install_cli_translator(ctx)
        code: int = args.func(args, ctx)
        return code
    except KnownError as e:
        print(f"replytrail: {e.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        ctx.close()
