"""The Windows and macOS recipes, checked by content since they cannot be built here."""

from __future__ import annotations

import plistlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from replytrail.core.policy import MACOS_DOMAIN

ROOT = Path(__file__).resolve().parents[3]
WXS = ROOT / "packaging" / "windows" / "replytrail.wxs"
WIX = {"w": "http://wixtoolset.org/schemas/v4/wxs"}


def test_msi_is_per_machine_with_start_menu_and_optional_login_start() -> None:
    root = ET.parse(WXS).getroot()  # noqa: S314 - our own file
    package = root.find("w:Package", WIX)
    assert package is not None and package.get("Scope") == "perMachine"
    props = {p.get("Id"): p.get("Value") for p in root.iterfind(".//w:Property", WIX)}
    assert props["STARTATLOGIN"] == "0" and "POLICYFILE" in props
    run = [
        r
        for r in root.iterfind(".//w:RegistryValue", WIX)
        if r.get("Key") == r"Software\Microsoft\Windows\CurrentVersion\Run"
    ]
    assert [(r.get("Root"), r.get("Name")) for r in run] == [("HKLM", "Replytrail")]
    assert root.find(".//w:Shortcut", WIX) is not None
    # uninstall removes only what it installed: never the users' data folders
    text = WXS.read_text()
    assert not re.search(r"AppData|LocalAppData|RemoveFolderEx|util:RemoveFolder", text)


def test_launch_agent_starts_the_app_bundle_executable() -> None:
    with (ROOT / "packaging/macos/com.replytrail.Replytrail.plist").open("rb") as f:
        agent = plistlib.load(f)
    assert agent["Label"] == MACOS_DOMAIN and agent["RunAtLoad"] is True
    assert agent["ProgramArguments"] == ["/Applications/Replytrail.app/Contents/MacOS/replytrail"]
    spec = (ROOT / "packaging/replytrail.spec").read_text()
    assert 'name="Replytrail.app"' in spec and 'name="replytrail"' in spec
    assert '"LSUIElement": True' in spec
    assert f'bundle_identifier="{MACOS_DOMAIN}"' in spec
