"""The command line (SPEC §12): the same engine as the tray app, without the GUI.

Exit codes: 0 ok, 1 failure with a one-line reason on stderr, 2 usage. With no command it
starts the tray app — without loading any command module, so the icon appears quickly.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from types import ModuleType

from replytrail import __version__

__all__ = ["build_parser", "main"]

log = logging.getLogger("replytrail")

#: one module per command group; each has ``register(subparsers)``
COMMAND_MODULES = (
    "account",
    "discover",
    "watch",
    "send",
    "logbook",
    "handoff",
    "config_cmd",
    "doctor",
    "team",
    "importer",
    "followups",
    "fixes",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"replytrail: {message}\n")


def _add_globals(p: argparse.ArgumentParser) -> None:
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


def _modules() -> list[ModuleType]:
    return [importlib.import_module(f"replytrail.commands.{name}") for name in COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="replytrail", description="Logs customer replies to your tracked emails.")
    _add_globals(p)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for mod in _modules():
        mod.register(sub)
    return p


def _log_setup(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    early = _Parser(prog="replytrail", add_help=False)
    _add_globals(early)
    first, rest = early.parse_known_args(argv)
    if not rest or first.demo:
        _log_setup(first.verbose)
        from replytrail.app.main import run_app  # imports Qt: only for the tray app

        return run_app(data_dir=first.data_dir, demo=first.demo)
    args = build_parser().parse_args(argv)
    _log_setup(args.verbose)
    from replytrail.app.i18n import install_cli_translator
    from replytrail.commands.context import CliContext
    from replytrail.core.errors import KnownError
    from replytrail.core.paths import resolve_paths

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
