"""How each CRM takes email at its drop address, and where the user finds that address."""

from __future__ import annotations

from dataclasses import dataclass

from replytrail.core.i18n import QT_TRANSLATE_NOOP

__all__ = ["PRESETS", "Preset", "preset"]


@dataclass(frozen=True)
class Preset:
    id: str
    name: str
    form: str  # "inline": a "Forwarded message" block; "attachment": the original as .eml
    help_url: str
    hint: str  # marked for translation (context "handoff")


PRESETS: tuple[Preset, ...] = (
    Preset(
        "hubspot",
        "HubSpot",
        "inline",
        "https://knowledge.hubspot.com/connected-email/log-email-in-your-crm-with-the-bcc-or-forwarding-address",
        QT_TRANSLATE_NOOP(
            "handoff",
            "In HubSpot: Settings › General › Email › Log — copy the forwarding address.",
        ),
    ),
    Preset(
        "pipedrive",
        "Pipedrive",
        "inline",
        "https://support.pipedrive.com/en/article/smart-email-bcc",
        QT_TRANSLATE_NOOP(
            "handoff", "In Pipedrive: Personal preferences › Email sync › Smart Email BCC."
        ),
    ),
    Preset(
        "odoo",
        "Odoo",
        "attachment",
        "https://www.odoo.com/documentation/latest/applications/general/email_communication.html",
        QT_TRANSLATE_NOOP(
            "handoff",
            "In Odoo: the mail alias of your CRM team (CRM › Configuration › Sales Teams).",
        ),
    ),
    Preset(
        "zoho",
        "Zoho CRM",
        "inline",
        "https://help.zoho.com/portal/en/kb/crm/email-management/bcc-dropbox/articles/bcc-dropbox",
        QT_TRANSLATE_NOOP("handoff", "In Zoho CRM: Setup › Channels › Email › BCC Dropbox."),
    ),
    Preset(
        "salesforce",
        "Salesforce",
        "inline",
        "https://help.salesforce.com/s/articleView?id=sf.email_my_email_2_sfdc.htm",
        QT_TRANSLATE_NOOP(
            "handoff", "In Salesforce: Settings › Email › My Email to Salesforce — your address."
        ),
    ),
)


def preset(preset_id: str) -> Preset | None:
    return next((p for p in PRESETS if p.id == preset_id), None)
