"""Where Replytrail keeps its state (SPEC §11.3), resolved once at start-up and passed in."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from replytrail.core.errors import StoreError
from replytrail.core.i18n import QT_TRANSLATE_NOOP
from replytrail.core.resources import resources_dir

__all__ = ["APP_NAME", "Paths", "resolve_paths", "resources_dir"]

APP_NAME = "replytrail"
HOME_ENV = "REPLYTRAIL_HOME"
PRESET_ENV = "REPLYTRAIL_PRESET"


@dataclass(frozen=True)
class Paths:
    """All locations; with ``--data-dir``/``REPLYTRAIL_HOME`` they all live in one folder."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    runtime_dir: Path
    preset_files: tuple[Path, ...]
    portable: bool = False

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def accounts_file(self) -> Path:
        return self.config_dir / "accounts.toml"

    @property
    def handoff_file(self) -> Path:
        return self.config_dir / "handoff.toml"

    @property
    def store_file(self) -> Path:
        return self.data_dir / "replytrail.sqlite3"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def drafts_dir(self) -> Path:
        return self.data_dir / "drafts"

    def ensure(self) -> None:
        """Create the folders; one that cannot be a folder is a one-line :class:`StoreError`."""
        for d in (self.config_dir, self.data_dir, self.log_dir, self.runtime_dir):
            try:
                if d.exists() and not d.is_dir():
                    raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
                d.mkdir(parents=True, exist_ok=True, mode=0o700)
                if not os.access(d, os.R_OK | os.W_OK | os.X_OK):
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            except OSError as e:
                raise StoreError(
                    QT_TRANSLATE_NOOP("errors", "The folder {path} cannot be used: {reason}"),
                    path=d,
                    reason=e.strerror or type(e).__name__,
                ) from None


def _preset_candidates(env: dict[str, str] | os._Environ[str]) -> tuple[Path, ...]:
    explicit = env.get(PRESET_ENV)
    if explicit:
        return (Path(explicit),)
    dirs = platformdirs.site_config_dir(APP_NAME, multipath=True).split(os.pathsep)
    return tuple(Path(d) / "preset.toml" for d in dirs)


def resolve_paths(
    data_dir: str | Path | None = None, env: dict[str, str] | os._Environ[str] = os.environ
) -> Paths:
    """``data_dir`` (``--data-dir``) beats ``REPLYTRAIL_HOME`` beats the platform directories."""
    chosen = data_dir or env.get(HOME_ENV)
    presets = _preset_candidates(env)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return Paths(
            config_dir=root,
            data_dir=root,
            log_dir=root / "logs",
            runtime_dir=root / "run",
            preset_files=presets,
            portable=True,
        )
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return Paths(
        config_dir=Path(dirs.user_config_dir),
        data_dir=Path(dirs.user_data_dir),
        log_dir=Path(dirs.user_log_dir),
        runtime_dir=Path(dirs.user_runtime_dir),
        preset_files=presets,
    )
