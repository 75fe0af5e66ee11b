"""A salesperson's first days, driven through the real app in German (issue 8, "Tests").

The app runs as its own process on a virtual desktop with a tray host, against a real
Dovecot (IMAPS, submissions), the real Secret Service and a real freedesktop notification
service. The test acts through the app's widgets and reads what its windows show through
the test-only inspection socket (``REPLYTRAIL_INSPECT``), never through the command line.

The journey is a list of steps (:data:`JOURNEY`) sharing one :class:`Journey`; later
features append theirs (bring in existing threads, a follow-up becoming due). Each step
saves a screenshot to ``docs/screenshots/journey-*.png`` when ``REPLYTRAIL_SHOTS`` is set.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

import pytest
from imapclient import IMAPClient

from e2e.test_tray_e2e import App
from e2e.xdesk import Desktop
from servers.cli import Cli
from servers.keyring import SecretService
from servers.mailservers import Dovecot, free_port, start_lmtp_relay
from servers.notifications import NotificationBus

pytestmark = [pytest.mark.servers, pytest.mark.gui, pytest.mark.slow]

ALICE = "alice@example.test"
EMMA = ("Emma Fischer", "emma@fischer-feinkost.example")
JONAS = ("Jonas Weber", "j.weber@weber-bau.example")


class Inspect:
    """A client of the app's inspection socket (one connection per request)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, op: str, **kw: Any) -> Any:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(20)
            s.connect(str(self.path))
            s.sendall((json.dumps({"op": op, **kw}) + "\n").encode())
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        answer = json.loads(data)
        if not answer["ok"]:
            raise RuntimeError(answer["error"])
        return answer["value"]

    def until(self, what: str, check: Callable[[], Any], timeout: float = 30.0) -> Any:
        """Wait until *check* returns something truthy (errors count as not yet)."""
        deadline = time.monotonic() + timeout
        last: object = None
        while True:
            try:
                value = check()
                if value:
                    return value
                last = value
            except (OSError, RuntimeError) as e:
                last = e
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; last: {last!r}")
            time.sleep(0.1)

    def window(self, cls: str) -> bool:
        return any(w["class"] == cls for w in self("windows"))


@dataclass
class Journey:
    """What the steps share: the servers, the running app, and what happened so far."""

    cli: Cli
    dovecot: Dovecot
    desktop: Desktop
    bus: NotificationBus
    env: dict[str, str]
    shots: Path
    app: App | None = None
    ui: Inspect | None = None
    sent: dict[str, str] = field(default_factory=dict)  # subject -> Message-ID
    timings: dict[str, float] = field(default_factory=dict)

    def start_app(self) -> Inspect:
        sock = self.cli.data_dir / "inspect.sock"
        self.app = App(self.cli, {**self.env, "REPLYTRAIL_INSPECT": str(sock)})
        self.ui = Inspect(sock)
        self.app.wait_log(r"inspection socket listening", timeout=30)
        return self.ui

    def shot(self, window: str, name: str) -> None:
        assert self.ui is not None
        self.ui("shot", window=window, file=str(self.shots / name))

    def timeline(self) -> dict[str, Any]:
        assert self.ui is not None
        result: dict[str, Any] = self.ui("timeline")
        return result

    def timeline_if(self, cond: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
        t = self.timeline()
        return t if cond(t) else None


def replies(t: dict[str, Any]) -> int:
    return sum(r["direction"] == "in" for r in t["rows"])


def has_both(t: dict[str, Any]) -> bool:
    return {EMMA[1], JONAS[1]} <= set(t["contacts"])


def customer_reply(to_msgid: str, who: tuple[str, str], subject: str, body: str) -> bytes:
    m = EmailMessage()
    m["From"] = f"{who[0]} <{who[1]}>"
    m["To"] = f"Alice <{ALICE}>"
    m["Subject"] = subject
    m["Date"] = format_datetime(datetime.now(UTC))
    m["Message-ID"] = make_msgid(domain=who[1].split("@")[1])
    m["In-Reply-To"] = to_msgid
    m["References"] = to_msgid
    m.set_content(body)
    return m.as_bytes()


# ---------------------------------------------------------------------------- the steps
def set_up_through_the_wizard(j: Journey) -> None:
    ui = j.start_app()
    ui.until("the set-up wizard", lambda: ui.window("SetupWizard"))
    w = "SetupWizard"
    ui("set_text", window=w, path="email_page.email_edit", text=ALICE)
    j.shot(w, "journey-1-wizard-de.png")
    ui("click", window=w, path="wizard:Next")
    ui.until(
        "discovery (team preset)", lambda: ui("get", window=w, path="discovery_page.isComplete")
    )
    ui("click", window=w, path="wizard:Next")  # review
    ui.until("the review page", lambda: ui("get", window=w, path="currentId") == 3)
    ui("click", window=w, path="wizard:Next")  # password
    ui.until("the password page", lambda: ui("get", window=w, path="currentId") == 5)
    ui("set_text", window=w, path="password_page.password", text="alicepw")
    ui("click", window=w, path="wizard:Next")  # the connection test
    pin = ui.until(
        "the test result",
        lambda: (
            ui("get", window=w, path="test_page.report.ok")
            or ui("get", window=w, path="test_page.pin_button.isVisible")
        ),
    )
    if pin and not ui("get", window=w, path="test_page.report.ok"):  # the test CA: pin it
        ui("click", window=w, path="test_page.pin_button")
    try:
        ui.until("IMAP and SMTP OK", lambda: ui("get", window=w, path="test_page.report.ok"))
    except AssertionError:
        j.shot(w, "journey-failed-test-page.png")
        details = [
            ui("get", window=w, path=f"test_page.{r}.detail") for r in ("imap_row", "smtp_row")
        ]
        raise AssertionError(f"connection test: {details}") from None
    j.shot(w, "journey-2-wizard-test-de.png")
    ui("click", window=w, path="wizard:Next")  # logging options
    ui.until("the logging page", lambda: ui("get", window=w, path="currentId") == 7)
    ui("click", window=w, path="wizard:Next")  # done
    ui.until("the last page", lambda: ui("get", window=w, path="currentId") == 8)
    ui("click", window=w, path="wizard:Finish")
    # "You're set up": the timeline opens and says so
    seen = ui.until("the timeline after Finish", lambda: j.timeline().get("notice"))
    assert "Alles eingerichtet" in seen
    assert not ui.window("SetupWizard")
    assert j.app is not None
    j.app.wait_log(r"tray state watching", timeout=30)
    j.shot("TimelineWindow", "journey-3-set-up-de.png")
    assert "tray state error" not in j.app.log  # no red flash while the engine starts


def send_two_emails_through_compose(j: Journey) -> None:
    ui = j.ui
    assert ui is not None
    for n, (who, subject) in enumerate(
        [(EMMA, "Angebot Feinkost-Regal"), (JONAS, "Angebot Baustellenbeleuchtung")], 1
    ):
        ui("tray", action="compose_action")  # the tray menu's "Verfassen…", twice
        ui.until(f"compose window {n}", lambda: ui.window("ComposeDialog"))
        c = "ComposeDialog"
        ui("set_text", window=c, path="to_edit", text=f"{who[0]} <{who[1]}>")
        ui("set_text", window=c, path="subject_edit", text=subject)
        ui("set_text", window=c, path="body_edit", text="Guten Tag,\n\nanbei unser Angebot.\n")
        if n == 1:
            j.shot(c, "journey-4-compose-de.png")
        ui("click", window=c, path="send_button")
        ui.until(f"compose window {n} closed after sending", lambda: not ui.window("ComposeDialog"))
        if n == 1:  # the first customer is shown before the second email goes out
            ui.until(
                "the first customer in the open timeline",
                lambda: j.timeline_if(lambda t: t.get("contact") == EMMA[1]),
            )
    t = ui.until("both customers in the contact list", lambda: j.timeline_if(has_both))
    shown = {r["subject"]: r for r in t["rows"]}
    assert t["contact"] == EMMA[1]  # the first contact stays selected
    assert shown["Angebot Feinkost-Regal"]["direction"] == "out"
    j.sent["emma"] = shown["Angebot Feinkost-Regal"]["message_id"]


def replies_appear_while_the_timeline_is_open(j: Journey) -> None:
    ui = j.ui
    assert ui is not None
    t0 = time.monotonic()
    j.dovecot.deliver(
        ALICE,
        customer_reply(j.sent["emma"], EMMA, "AW: Angebot Feinkost-Regal", "Passt, danke!"),
    )
    ui.until(
        "Emma's reply in the open timeline",
        lambda: any(r["direction"] == "in" for r in j.timeline()["rows"]),
    )
    j.timings["reply_in_window_s"] = time.monotonic() - t0
    rows = j.timeline()["rows"]
    assert [r["subject"] for r in rows][:2] == [
        "AW: Angebot Feinkost-Regal",
        "Angebot Feinkost-Regal",
    ]
    ui.until("the reply's notification", lambda: j.bus.calls())
    (call,) = j.bus.calls()
    assert call["summary"] == "Emma Fischer hat geantwortet: AW: Angebot Feinkost-Regal"
    assert "Passt" not in json.dumps(call)  # never a body
    j.shot("TimelineWindow", "journey-5-reply-live-de.png")


def catch_up_is_one_notification(j: Journey) -> None:
    ui, app = j.ui, j.app
    assert ui is not None and app is not None
    ui("show_contact", email=JONAS[1])  # the user clicks Jonas in the contact list
    t = ui.until(
        "Jonas's timeline", lambda: j.timeline_if(lambda t: t["contact"] == JONAS[1] and t["rows"])
    )
    sent_id = next(r["message_id"] for r in t["rows"] if r["direction"] == "out")
    ui("tray", action="quit_action")
    assert app.proc.wait(20) == 0
    app.stop()
    before = len(j.bus.calls())
    # Date headers have whole seconds: Jonas's replies must lie after Emma's, or the two
    # contacts tie on last activity and the list puts Emma (alphabetically first) on top
    time.sleep(1.1)
    for i in range(3):  # three replies arrive while the app is not running
        j.dovecot.deliver(
            ALICE,
            customer_reply(sent_id, JONAS, "AW: Angebot Baustellenbeleuchtung", f"Frage {i}"),
        )
    time.sleep(1.1)  # the replies' Date header (whole seconds) lies before the next start
    ui = j.start_app()
    ui.until(
        "one summary notification",
        lambda: any("während Sie weg waren" in str(c["summary"]) for c in j.bus.calls()),
        60,
    )
    new = j.bus.calls()[before:]
    assert [c["summary"] for c in new] == ["3 Antworten erfasst, während Sie weg waren"]
    assert not j.timeline()["open"]
    # starting the app again brings the timeline forward (and exits at once)
    assert j.cli("-v", timeout=30).code == 0
    ui.until("the timeline brought forward", lambda: j.timeline_if(lambda t: bool(t["open"])))
    ui.until(
        "Jonas's three replies in the timeline",
        lambda: j.timeline_if(
            lambda t: (
                t["contact"] == JONAS[1] and sum(r["direction"] == "in" for r in t["rows"]) == 3
            )
        ),
    )
    j.shot("TimelineWindow", "journey-6-catch-up-de.png")


#: three conversations from before Replytrail, with customers of their own domains
EARLIER = [
    ("Lena Hartmann", "l.hartmann@hartmann-druck.example", "Rahmenvertrag Druck", True),
    ("Paul Krüger", "p.krueger@krueger-logistik.example", "Lieferung KW 48", True),
    ("Sofia Wagner", "s.wagner@wagner-moebel.example", "Angebot Messestand", False),
]


def _earlier(sender: str, to: str, subject: str, msgid: str, days: int, ref: str = "") -> bytes:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, to, subject
    m["Date"] = format_datetime(datetime.now(UTC) - timedelta(days=days))
    m["Message-ID"] = msgid
    if ref:
        m["In-Reply-To"] = m["References"] = ref
    m.set_content("Guten Tag,\n\nwie besprochen.\n")
    return m.as_bytes()


def bring_in_three_existing_threads(j: Journey) -> None:
    """Issue 8.3: the offer shown after Finish brings in the threads from before set-up."""
    ui = j.ui
    assert ui is not None
    with IMAPClient(
        j.dovecot.listen, port=j.dovecot.ports["imaps"], ssl_context=j.dovecot.ssl_context()
    ) as c:  # the user's mail from before, as another mail program left it
        c.login(ALICE, "alicepw")
        for n, (name, addr, subject, answered) in enumerate(EARLIER):
            mine = f"<earlier{n}@example.test>"
            c.append("Sent", _earlier(f"Alice <{ALICE}>", f"{name} <{addr}>", subject, mine, 12))
            j.sent[f"earlier{n}"] = mine
            if answered:
                theirs = _earlier(
                    f"{name} <{addr}>", ALICE, "AW: " + subject, f"<r{n}@x.example>", 11, mine
                )
                c.append("INBOX", theirs)
    d = "ImportDialog"
    assert ui.window(d), "the offer after Finish"
    ui("click", window=d, path="start_button")
    done = ui.until(
        "the import's summary",
        lambda: (s := str(ui("get", window=d, path="status"))).startswith("Fertig") and s,
        60,
    )
    assert done == "Fertig: 5 E-Mails in 3 Unterhaltungen übernommen."
    j.shot(d, "journey-5a-import-de.png")
    ui("click", window=d, path="close_button")
    t = ui.until(
        "the three customers in the contact list",
        lambda: j.timeline_if(lambda t: {e[1] for e in EARLIER} <= set(t["contacts"])),
    )
    assert t["contact"] == EMMA[1]  # the open contact stays open


def a_follow_up_becomes_due(j: Journey) -> None:
    """Issue 8.7: a reminder on an email without a reply raises one notification."""
    ui = j.ui
    assert ui is not None
    before = len(j.bus.calls())
    assert j.cli("remind", j.sent["earlier2"], "--in-days", "0").code == 0
    ui.until(
        "the reminder's notification",
        lambda: any("Noch keine Antwort" in str(c["summary"]) for c in j.bus.calls()[before:]),
        90,
    )
    (call,) = j.bus.calls()[before:]
    assert call["summary"] == "Noch keine Antwort von Sofia Wagner"
    assert call["body"] == "Angebot Messestand"


#: the journey, in order; firstweek's steps (import, follow-up due) are appended here
JOURNEY: list[Callable[[Journey], None]] = [
    set_up_through_the_wizard,
    send_two_emails_through_compose,
    bring_in_three_existing_threads,
    replies_appear_while_the_timeline_is_open,
    catch_up_is_one_notification,
    a_follow_up_becomes_due,
]


@pytest.fixture
def customer_dovecot() -> Iterator[Dovecot]:
    """Dovecot with Alice and two customers on their own domains (mail to them arrives)."""
    relay = free_port()
    users = {ALICE: "alicepw", EMMA[1]: "emmapw", JONAS[1]: "jonaspw"}
    d = Dovecot(users=users, relay_port=relay)
    d.start()
    ctrl, _handler = start_lmtp_relay(d, relay)
    try:
        yield d
    finally:
        ctrl.stop()
        d.cleanup()


def test_first_days_in_german(
    customer_dovecot: Dovecot,
    secret_service: SecretService,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    t0 = time.monotonic()
    d = customer_dovecot
    preset = tmp_path / "preset.toml"
    preset.write_text(
        '[servers.domains."example.test"]\n'
        f'imap_host = "{d.listen}"\nimap_port = {d.ports["imaps"]}\nimap_security = "ssl"\n'
        f'smtp_host = "{d.listen}"\nsmtp_port = {d.ports["submissions"]}\n'
        'smtp_security = "ssl"\nname = "Example Test Mail"\n'
    )
    desktop = Desktop().start()
    bus = NotificationBus(tmp_path, address=secret_service.address, click=False).start()
    env = {
        **desktop.env,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "DBUS_SESSION_BUS_ADDRESS": secret_service.address,
        "REPLYTRAIL_PRESET": str(preset),
        "LANG": "C.UTF-8",
        "LANGUAGE": "de",
    }
    cli = Cli(data_dir, env=env)
    shots = Path(os.environ.get("REPLYTRAIL_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    j = Journey(cli=cli, dovecot=d, desktop=desktop, bus=bus, env=env, shots=shots)
    try:
        for step in JOURNEY:
            step(j)
        assert j.app is not None
        assert "Traceback" not in j.app.log, j.app.log[-3000:]
    finally:
        if j.app is not None:
            j.app.stop()
        bus.stop()
        desktop.stop()
    assert j.timings["reply_in_window_s"] < 10
    assert time.monotonic() - t0 < 150
