"""The .deb installed for real: files in place, the command line and the tray app from
/usr/bin, the admin policy, clear lines without a display, and a purge that leaves nothing
behind but the user's data, untouched.

Run by ``./dev test-package`` (CI too; REPLYTRAIL_PACKAGE_TESTS=1): it installs
system-wide, so every other pytest run deselects it (tests/package/conftest.py); every test
here runs /usr/bin/replytrail by its full path.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import tarfile
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.xdesk import Desktop
from package.debpkg import DIST, INSTALLED, PREFIX, purge, version
from servers.keyring import SecretService

pytestmark = [pytest.mark.package, pytest.mark.slow, pytest.mark.servers, pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(INSTALLED), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def base_env(keyring: SecretService, **extra: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(extra.pop("HOME", "/root")),
        "LANG": "C.UTF-8",
        "DBUS_SESSION_BUS_ADDRESS": keyring.address,
        **extra,
    }


@pytest.fixture(scope="module")
def user_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("user") / "replytrail"


def test_files_are_where_a_desktop_looks(installed: list[Path]) -> None:
    assert INSTALLED.resolve() == PREFIX / "replytrail"
    desktop = Path("/usr/share/applications/replytrail.desktop")
    r = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == "", r.stdout
    meta = Path("/usr/share/metainfo/com.replytrail.Replytrail.metainfo.xml")
    r = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(meta)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout
    assert f'version="{version()}"' in meta.read_text()
    hicolor = Path("/usr/share/icons/hicolor")
    assert (hicolor / "scalable/apps/replytrail.svg") in installed
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        png = hicolor / f"{size}x{size}/apps/replytrail.png"
        assert png in installed and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert Path("/etc/replytrail/policies.toml.example") in installed
    # the maintainer scripts never go near a home directory
    for script in ("postinst", "postrm"):
        text = Path(f"/var/lib/dpkg/info/replytrail.{script}").read_text()
        assert not re.search(r"home|\$HOME|\.config|\.local|~", text.split("\n", 4)[-1])


def test_version_and_doctor_from_usr_bin(
    installed: list[Path], secret_service: SecretService, user_data: Path
) -> None:
    r = run("--version")
    assert (r.returncode, r.stdout.strip()) == (0, f"replytrail {version()}")
    r = run("--data-dir", str(user_data), "doctor", env=base_env(secret_service))
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"^ok\s+keyring: .*SecretService", r.stdout, re.M), r.stdout
    assert re.search(r"^ok\s+store: ", r.stdout, re.M), r.stdout
    assert r.stderr == ""


def test_keyring_helper_runs_from_the_frozen_executable(
    installed: list[Path], secret_service: SecretService
) -> None:
    """The tray app reaches the keyring through ``<executable> -m …keyring_helper``."""
    r = subprocess.run(
        [str(INSTALLED), "-m", "replytrail.core.keyring_helper"],
        input='{"op": "check"}',
        capture_output=True,
        text=True,
        timeout=60,
        env=base_env(secret_service),
        check=False,
    )
    assert r.returncode == 0, r.stderr
    reply = json.loads(r.stdout)
    assert reply["ok"] == "yes" and "SecretService" in reply["backend"]


def test_build_time_values_rank_below_policy_and_user(
    installed: list[Path], secret_service: SecretService, user_data: Path
) -> None:
    """``./dev test-package`` builds with REPLYTRAIL_OAUTH_MICROSOFT_TENANT set."""
    built = tomllib.loads((PREFIX / "_internal/resources/build.toml").read_text())
    flat = {
        f"oauth.{p}.{k}": v for p, table in built.get("oauth", {}).items() for k, v in table.items()
    }
    assert flat, "the package was built without any REPLYTRAIL_OAUTH_* value"
    env = base_env(secret_service)
    listed = json.loads(
        run("--data-dir", str(user_data), "config", "list", "--json", env=env).stdout
    )
    for key, value in flat.items():
        assert (listed[key]["value"], listed[key]["source"]) == (value, "build")
    assert (
        "build.toml"
        not in subprocess.run(
            ["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True
        ).stdout
    )


def test_admin_policy_presets_and_locks(
    installed: list[Path], secret_service: SecretService, user_data: Path, tmp_path: Path
) -> None:
    policy = tmp_path / "policies.toml"
    policy.write_text(
        'locked = ["logging.never_log"]\n[logging]\nmode = "contacts"\n'
        'never_log = ["our-company.example"]\n[oauth.microsoft]\ntenant = "contoso.example"\n'
    )
    env = base_env(secret_service, REPLYTRAIL_POLICY_FILE=str(policy))
    listed = json.loads(
        run("--data-dir", str(user_data), "config", "list", "--json", env=env).stdout
    )
    assert listed["logging.mode"] == {
        **listed["logging.mode"],
        "value": "contacts",
        "source": "policy",
        "locked": False,
    }
    assert listed["logging.never_log"]["locked"] is True
    assert listed["oauth.microsoft.tenant"]["value"] == "contoso.example"
    r = run("--data-dir", str(user_data), "config", "set", "logging.never_log", "x.test", env=env)
    assert r.returncode == 1
    assert r.stderr.strip() == (
        "replytrail: logging.never_log is set by your administrator and cannot be changed."
    )
    # the user's own choice still beats an unlocked policy value
    assert (
        run(
            "--data-dir", str(user_data), "config", "set", "logging.mode", "tracked", env=env
        ).returncode
        == 0
    )
    assert (
        run("--data-dir", str(user_data), "config", "get", "logging.mode", env=env).stdout.strip()
        == "tracked"
    )


class Tray:
    """The installed tray app on a virtual desktop, its stderr collected."""

    def __init__(self, env: dict[str, str], data: Path) -> None:
        self.proc = subprocess.Popen(
            [str(INSTALLED), "--data-dir", str(data), "-v"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.terminate()
        code = self.proc.wait(15)
        self._reader.join(5)
        for f in (self.proc.stdout, self.proc.stderr):
            if f is not None:
                f.close()
        return code


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    d = Desktop().start()
    yield d
    d.stop()


def test_installed_tray_app_runs_five_seconds_without_warnings(
    installed: list[Path],
    desktop: Desktop,
    secret_service: SecretService,
    user_data: Path,
    tmp_path: Path,
) -> None:
    env = base_env(
        secret_service,
        DISPLAY=desktop.display,
        HOME=str(tmp_path),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
    )
    (tmp_path / "run").mkdir(mode=0o700)
    app = Tray(env, user_data)
    try:
        desktop.wait_for(
            lambda: any("tray geometry" in line for line in app.lines) or app.proc.poll(),
            "the tray icon",
            timeout=60,
        )
        assert app.proc.poll() is None, "\n".join(app.lines)
        docked = [w for w in desktop.windows_of(app.proc.pid) if w[2] <= 32 and w[3] <= 32]
        assert docked, "no icon window in the tray"
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # five seconds of running, as a user would
            assert app.proc.poll() is None, "\n".join(app.lines)
            time.sleep(0.2)
    finally:
        code = app.stop()
    assert code == 0, "\n".join(app.lines)
    ours = re.compile(r"^\d{4}-\d\d-\d\d [\d:,]+ replytrail[\w.]* INFO ")
    foreign = [line for line in app.lines if not ours.match(line)]
    assert foreign == [], "errors or Qt warnings:\n" + "\n".join(foreign)


def test_without_a_display_one_line_and_exit_1(installed: list[Path], user_data: Path) -> None:
    r = run("--data-dir", str(user_data), env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        "replytrail: There is no graphical session here (neither DISPLAY nor WAYLAND_DISPLAY "
        "is set). Without a desktop, run 'replytrail watch' instead."
    ]
    r = run(
        "--data-dir",
        str(user_data),
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LANGUAGE": "de"},
    )
    assert r.returncode == 1 and "replytrail watch" in r.stderr and "Desktop" in r.stderr


def test_missing_qt_library_names_the_debian_package(
    installed: list[Path], user_data: Path
) -> None:
    """libxcb-cursor0 made unreadable in a private mount namespace (as root, like CI)."""
    lib = subprocess.run(
        ["sh", "-c", "ldconfig -p | sed -n 's/.*libxcb-cursor.so.0 .*=> //p' | head -1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert lib, "libxcb-cursor0 is not installed"
    script = f'mount --bind /dev/null "{lib}" && exec "{INSTALLED}" --data-dir "{user_data}"'
    r = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8", "DISPLAY": ":99"},
        check=False,
    )
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        "replytrail: Qt cannot use the X11 display: the library libxcb-cursor.so.0 is missing. "
        "Install the Debian package libxcb-cursor0 (sudo apt install libxcb-cursor0)."
    ]


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for f in (ROOT / "desktop/replytrail").rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", f.read_text()))
    return found


def test_bundle_holds_only_the_qt_replytrail_imports(installed: list[Path]) -> None:
    internal = PREFIX / "_internal"
    modules = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert (
        modules == _imported_qt_modules() == {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtDBus"}
    )
    libs = {p.name.split(".")[0] for p in (internal / "PySide6/Qt/lib").glob("libQt6*")}
    platform_libs = {
        "libQt6XcbQpa",
        "libQt6WaylandClient",
        "libQt6WlShellIntegration",
        "libQt6Svg",
    }  # loaded by the X11/Wayland and SVG plugins
    assert libs - platform_libs == {"libQt6" + m[2:] for m in modules}
    plugins = {
        p.parent.name + "/" + p.name for p in (internal / "PySide6/Qt/plugins").rglob("*.so")
    }
    assert "platforms/libqxcb.so" in plugins and "iconengines/libqsvgicon.so" in plugins
    assert not [p for p in plugins if re.search(r"gtk3|eglfs|vnc|linuxfb|evdev|tls/", p)]
    translations = {p.name for p in (internal / "PySide6/Qt/translations").glob("*.qm")}
    assert translations == {"qtbase_de.qm"}
    ours = {p.name for p in (internal / "resources/translations").glob("*.qm")}
    assert ours == {"replytrail_de.qm", "replytrail_en.qm"}
    assert (internal / "resources/providers.json").is_file()


def test_portable_tarball_runs_where_it_is_unpacked(tmp_path: Path) -> None:
    (tarball,) = DIST.glob(f"replytrail-{version()}-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path, filter="tar")
    exe = tmp_path / tarball.name.removesuffix(".tar.gz") / "replytrail"
    r = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert (r.returncode, r.stdout.strip()) == (0, f"replytrail {version()}")
    r = subprocess.run(
        [str(exe), "--data-dir", str(tmp_path / "d"), "discover", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0 and "discover" in r.stdout


def _snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _shared_dir(path: Path) -> bool:
    if not path.is_dir() or path.is_symlink():
        return False
    owners = subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True).stdout
    return owners.strip() != "" or path in (Path("/opt"), Path("/etc/xdg"))


def test_purge_leaves_only_the_users_data(installed: list[Path], user_data: Path) -> None:
    before = _snapshot(user_data)
    assert "settings.toml" in before and "replytrail.sqlite3" in before
    purge()
    # what is left must be a folder other packages own too (/usr/share/icons …)
    left = [p for p in installed if (p.exists() or p.is_symlink()) and not _shared_dir(p)]
    assert left == []
    assert not INSTALLED.exists() and not PREFIX.exists() and not Path("/etc/replytrail").exists()
    assert not Path("/usr/share/applications/replytrail.desktop").exists()
    assert not list(Path("/usr/share/icons/hicolor").rglob("replytrail.*"))
    assert not Path("/usr/share/metainfo/com.replytrail.Replytrail.metainfo.xml").exists()
    assert _snapshot(user_data) == before
