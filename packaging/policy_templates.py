"""Write the admin templates from the settings schema, so they cannot drift from the code:
``windows/replytrail.admx`` + ``windows/{en-US,de-DE}/replytrail.adml`` (Group Policy) and
``macos/com.replytrail.Replytrail.mobileconfig`` (a configuration-profile example).

Run ``python packaging/policy_templates.py`` after adding a setting; tests/unit/packaging
checks the committed files against the keys the code reads.
"""

from __future__ import annotations

import plistlib
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from replytrail.core.policy import (  # noqa: E402
    LOCKED_SUBKEY,
    MACOS_DOMAIN,
    REGISTRY_KEY,
    SERVERS_KEY,
)
from replytrail.core.settings_schema import SETTINGS, Setting  # noqa: E402

#: key -> (English, German) display names
NAMES = {
    "general.language": ("Language", "Sprache"),
    "general.start_at_login": ("Start at login", "Beim Anmelden starten"),
    "general.notifications": ("Notify about logged replies", "Über erfasste Antworten informieren"),
    "logging.mode": ("What is logged", "Was erfasst wird"),
    "logging.since_days": ("First scan: days back", "Erster Durchlauf: Tage zurück"),
    "logging.since_date": ("First scan: start date", "Erster Durchlauf: ab Datum"),
    "logging.never_log": (
        "Never log these addresses or domains",
        "Nie erfassen: Adressen und Domains",
    ),
    "logging.subject_rule": ("Match replies by subject", "Antworten am Betreff erkennen"),
    "watch.idle_refresh": ("IDLE refresh (seconds)", "IDLE erneuern (Sekunden)"),
    "watch.catchup_interval": ("Safety catch-up (seconds)", "Sicherheitsabgleich (Sekunden)"),
    "watch.poll_interval": ("Polling without IDLE (seconds)", "Abfrage ohne IDLE (Sekunden)"),
    "watch.backoff_max": (
        "Longest reconnect wait (seconds)",
        "Längste Wartezeit beim Neuverbinden (Sekunden)",
    ),
    "watch.fetch_chunk": ("Messages per FETCH", "Nachrichten je FETCH"),
    "discovery.timeout": (
        "Discovery step timeout (seconds)",
        "Zeitlimit je Suchschritt (Sekunden)",
    ),
    "store.backend": ("Store", "Ablage"),
    "store.team_dsn": (
        "Team store connection (DSN, no password)",
        "Team-Ablage: Verbindung (DSN, ohne Passwort)",
    ),
    "store.team_user": ("Team store: database role", "Team-Ablage: Datenbankrolle"),
    "store.team_ca_file": (
        "Team store: CA certificate file (PEM)",
        "Team-Ablage: CA-Zertifikatsdatei (PEM)",
    ),
    "store.team_secret": (
        "Team store: keyring entry of the password",
        "Team-Ablage: Schlüsselbund-Eintrag des Passworts",
    ),
    "store.team_policy": (
        "Team store: who sees message bodies",
        "Team-Ablage: wer Nachrichtentexte sieht",
    ),
    "oauth.microsoft.client_id": ("Microsoft sign-in: client id", "Microsoft-Anmeldung: Client-ID"),
    "oauth.microsoft.tenant": ("Microsoft sign-in: tenant", "Microsoft-Anmeldung: Mandant"),
    "oauth.google.client_id": ("Google sign-in: client id", "Google-Anmeldung: Client-ID"),
    "oauth.google.client_secret": (
        "Google sign-in: client secret",
        "Google-Anmeldung: Client-Geheimnis",
    ),
    "history.import_weeks": (
        "Bring in conversations: weeks back",
        "Bestehende Unterhaltungen übernehmen: Wochen zurück",
    ),
    "followups.days": (
        "Awaiting reply after (working days)",
        "Antwort ausstehend nach (Arbeitstagen)",
    ),
}
SECTIONS = {
    "general": ("General", "Allgemein"),
    "logging": ("Logging", "Erfassung"),
    "watch": ("Watching", "Postfachabgleich"),
    "discovery": ("Set-up", "Einrichtung"),
    "store": ("Store", "Ablage"),
    "oauth": ("Sign-in with the provider", "Anmeldung beim Anbieter"),
    "history": ("Existing conversations", "Bestehende Unterhaltungen"),
    "followups": ("Follow-ups", "Nachfassen"),
}
TEXTS = {
    "en": {
        "Replytrail": "Replytrail",
        "SUPPORTED": "Replytrail 0.1 and later",
        "lock": "Users may not change this setting",
        "value": "Value:",
        "explain": 'Presets this setting for every user of the computer. With "Users may not '
        'change this setting" checked, Settings shows it greyed out, set by the '
        "administrator.",
        "servers": "Server presets (JSON)",
        "servers_explain": "The first step of set-up: server settings for your domains, as "
        'JSON, for example {"domains": {"example.com": {"imap_host": '
        '"mail.example.com", "smtp_host": "mail.example.com", "smtp_security": '
        '"starttls"}}}.',
    },
    "de": {
        "Replytrail": "Replytrail",
        "SUPPORTED": "Replytrail 0.1 und neuer",
        "lock": "Benutzer dürfen diese Einstellung nicht ändern",
        "value": "Wert:",
        "explain": 'Legt diese Einstellung für alle Benutzer des Computers fest. Ist "Benutzer '
        'dürfen diese Einstellung nicht ändern" gewählt, zeigt Replytrail sie in den '
        "Einstellungen ausgegraut, vom Administrator festgelegt.",
        "servers": "Servervorgaben (JSON)",
        "servers_explain": "Der erste Schritt der Einrichtung: Servereinstellungen für Ihre "
        'Domains als JSON, zum Beispiel {"domains": {"example.com": {"imap_host": '
        '"mail.example.com", "smtp_host": "mail.example.com", "smtp_security": '
        '"starttls"}}}.',
    },
}
NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"


def policy_id(key: str) -> str:
    return key.replace(".", "_")


def _value_element(s: Setting) -> str:
    attrs = f'id="value" valueName="{s.key}"'
    if isinstance(s.default, bool):
        return (
            f'<boolean {attrs}><trueValue><decimal value="1"/></trueValue>'
            '<falseValue><decimal value="0"/></falseValue></boolean>'
        )
    if isinstance(s.default, int | float):
        return f'<decimal {attrs} minValue="{int(s.minimum or 0)}" maxValue="2000000000"/>'
    if isinstance(s.default, list):
        return f"<multiText {attrs}/>"
    if s.choices:
        items = "".join(
            f'<item displayName="$(string.{policy_id(s.key)}_{c or "system"})">'
            f"<value><string>{c}</string></value></item>"
            for c in s.choices
        )
        return f"<enum {attrs}>{items}</enum>"
    return f"<text {attrs}/>"


def admx() -> str:
    cats = "".join(
        f'<category name="{c}" displayName="$(string.cat_{c})">'
        '<parentCategory ref="Replytrail"/></category>'
        for c in SECTIONS
    )
    lock_key = f"{REGISTRY_KEY}\\{LOCKED_SUBKEY}"
    policies = []
    for s in SETTINGS:
        pid = policy_id(s.key)
        policies.append(
            f'<policy name="{pid}" class="Machine" displayName="$(string.{pid})" '
            f'explainText="$(string.explain)" presentation="$(presentation.{pid})" '
            f'key="{REGISTRY_KEY}"><parentCategory ref="{s.key.split(".")[0]}"/>'
            '<supportedOn ref="SUPPORTED"/><elements>'
            f"{_value_element(s)}"
            f'<boolean id="lock" key="{lock_key}" valueName="{s.key}"><trueValue>'
            '<decimal value="1"/></trueValue><falseValue><decimal value="0"/></falseValue>'
            "</boolean></elements></policy>"
        )
    policies.append(
        f'<policy name="{SERVERS_KEY}" class="Machine" displayName="$(string.servers)" '
        f'explainText="$(string.servers_explain)" presentation="$(presentation.servers)" '
        f'key="{REGISTRY_KEY}"><parentCategory ref="discovery"/>'
        '<supportedOn ref="SUPPORTED"/><elements>'
        f'<multiText id="value" valueName="{SERVERS_KEY}"/></elements></policy>'
    )
    body = "\n    ".join(policies)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- generated by packaging/policy_templates.py from the settings schema: do not edit -->
<policyDefinitions xmlns="{NS}" revision="1.0" schemaVersion="1.0">
  <policyNamespaces>
    <target prefix="replytrail" namespace="Replytrail.Policies"/>
    <using prefix="windows" namespace="Microsoft.Policies.Windows"/>
  </policyNamespaces>
  <resources minRequiredRevision="1.0"/>
  <supportedOn><definitions>
    <definition name="SUPPORTED" displayName="$(string.SUPPORTED)"/>
  </definitions></supportedOn>
  <categories>
    <category name="Replytrail" displayName="$(string.Replytrail)"/>
    {cats}
  </categories>
  <policies>
    {body}
  </policies>
</policyDefinitions>
"""


def _presentation(s: Setting, label: str, lock: str) -> str:
    pid = policy_id(s.key)
    if isinstance(s.default, bool):
        control = f'<checkBox refId="value">{escape(label)}</checkBox>'
    elif isinstance(s.default, int | float):
        control = f'<decimalTextBox refId="value">{escape(label)}</decimalTextBox>'
    elif isinstance(s.default, list):
        control = f'<multiTextBox refId="value">{escape(label)}</multiTextBox>'
    elif s.choices:
        control = f'<dropdownList refId="value">{escape(label)}</dropdownList>'
    else:
        control = f'<textBox refId="value"><label>{escape(label)}</label></textBox>'
    lock_box = f'<checkBox refId="lock">{escape(lock)}</checkBox>'
    return f'<presentation id="{pid}">{control}{lock_box}</presentation>'


def adml(lang: str) -> str:
    i = 0 if lang == "en" else 1
    t = TEXTS[lang]
    strings = [(k, v) for k, v in t.items() if k not in ("lock", "value")]
    strings += [(f"cat_{c}", names[i]) for c, names in SECTIONS.items()]
    for s in SETTINGS:
        strings.append((policy_id(s.key), NAMES[s.key][i]))
        for c in s.choices:
            strings.append((f"{policy_id(s.key)}_{c or 'system'}", c or ("system", "System")[i]))
    table = "\n      ".join(f'<string id="{k}">{escape(v)}</string>' for k, v in strings)
    pres = [_presentation(s, NAMES[s.key][i], t["lock"]) for s in SETTINGS]
    pres.append(
        f'<presentation id="servers"><multiTextBox refId="value">{escape(t["servers"])}'
        "</multiTextBox></presentation>"
    )
    presentations = "\n      ".join(pres)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- generated by packaging/policy_templates.py from the settings schema: do not edit -->
<policyDefinitionResources xmlns="{NS}" revision="1.0" schemaVersion="1.0">
  <displayName>Replytrail</displayName>
  <description>Replytrail</description>
  <resources>
    <stringTable>
      {table}
    </stringTable>
    <presentationTable>
      {presentations}
    </presentationTable>
  </resources>
</policyDefinitionResources>
"""


def mobileconfig() -> bytes:
    """A configuration profile presetting every key (the defaults) and locking two."""
    settings: dict[str, object] = {s.key: s.default for s in SETTINGS}
    settings["locked"] = ["logging.never_log", "store.team_dsn"]
    settings[SERVERS_KEY] = {
        "domains": {
            "our-company.example": {
                "imap_host": "mail.our-company.example",
                "smtp_host": "mail.our-company.example",
                "smtp_security": "starttls",
            }
        }
    }
    ns = uuid.UUID("6a0d6f0e-8a7e-4d4e-9a51-7e0b9c1f2a10")
    payload = {
        "PayloadType": MACOS_DOMAIN,
        "PayloadIdentifier": f"{MACOS_DOMAIN}.policy",
        "PayloadUUID": str(uuid.uuid5(ns, "payload")).upper(),
        "PayloadVersion": 1,
        "PayloadDisplayName": "Replytrail",
        **settings,
    }
    profile = {
        "PayloadType": "Configuration",
        "PayloadIdentifier": f"{MACOS_DOMAIN}.profile",
        "PayloadUUID": str(uuid.uuid5(ns, "profile")).upper(),
        "PayloadVersion": 1,
        "PayloadDisplayName": "Replytrail (team settings)",
        "PayloadScope": "System",
        "PayloadContent": [payload],
    }
    return plistlib.dumps(profile, sort_keys=False)


def main() -> int:
    win = ROOT / "packaging" / "windows"
    (win / "en-US").mkdir(parents=True, exist_ok=True)
    (win / "de-DE").mkdir(parents=True, exist_ok=True)
    (win / "replytrail.admx").write_text(admx(), encoding="utf-8")
    (win / "en-US" / "replytrail.adml").write_text(adml("en"), encoding="utf-8")
    (win / "de-DE" / "replytrail.adml").write_text(adml("de"), encoding="utf-8")
    mac = ROOT / "packaging" / "macos"
    mac.mkdir(parents=True, exist_ok=True)
    (mac / f"{MACOS_DOMAIN}.mobileconfig").write_bytes(mobileconfig())
    return 0


if __name__ == "__main__":
    sys.exit(main())
