"""What a notification says, built once per claim: the webhook body and the email's text.

Subjects and bodies carry the patient id and a dashboard link, never the patient's name: an
inbox or a receiver's log is not the place for it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from html import escape

from server.delivery.undelivered import Undelivered

TIER_WORDS = {
    "emergency": "EMERGENCY: act now",
    "urgent": "URGENT: same-day contact",
    "priority": "Priority: review within 1-3 working days",
}
TYPE_WORDS = {
    "alert.raised": "New alert",
    "alert.tier_raised": "Alert raised to a higher tier",
    "alert.escalated": "Unacknowledged alert escalated to you",
}


@dataclass(frozen=True)
class Notice:
    type: str
    alert_id: str
    patient_id: str
    rule: str
    tier: str
    site: str | None
    link: str

    def body(self) -> dict[str, str | None]:
        return {
            "type": self.type,
            "alert_id": self.alert_id,
            "patient_id": self.patient_id,
            "rule": self.rule,
            "tier": self.tier,
            "site": self.site,
            "link": self.link,
        }

    def json_bytes(self) -> bytes:
        return json.dumps(self.body(), separators=(",", ":")).encode()

    def lines(self) -> list[str]:
        return [
            f"{TYPE_WORDS.get(self.type, self.type)} for patient {self.patient_id}.",
            f"Tier: {TIER_WORDS.get(self.tier, self.tier)}",
            f"Rule: {self.rule}" + (f" (site: {self.site})" if self.site else ""),
            f"Open the patient: {self.link}",
            f"Alert id: {self.alert_id}",
        ]

    def subject(self) -> str:
        return f"[Painline] {self.tier.upper()} alert for patient {self.patient_id}: {self.rule}"


def alert_email(notice: Notice, sender: str, to: str, message_id: str) -> EmailMessage:
    return email_message(notice.subject(), notice.lines(), notice.link, sender, to, message_id)


def dead_letter_email(
    notice: Notice,
    failed: Sequence[Undelivered],
    sender: str,
    to: str,
    message_id: str,
) -> EmailMessage:
    """To the clinic's admins, who see no clinical data: no rule, tier, alert or patient id, and
    a link to the dead letters page instead of the patient. `failed` are the event's dead
    deliveries."""
    lines = [line for item in failed for line in item.lines()]
    # The notice's link opens the patient; the dead letters page is on the same dashboard.
    link = notice.link.split("/patients/")[0] + "/admin/dead-letters"
    lines += [
        "Painline retried for 24 hours. Check the channel's settings; the dashboard shows a "
        "banner until someone dismisses the dead letter.",
        f"Dead letters: {link}",
    ]
    subject = "[Painline] Alert notification undelivered"
    return email_message(subject, lines, link, sender, to, message_id, "Open the dead letters")


def email_message(
    subject: str,
    lines: list[str],
    link: str,
    sender: str,
    to: str,
    message_id: str,
    link_text: str = "Open the patient",
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    # The delivery id: a mail system that sees the same message twice can drop the copy.
    message["Message-ID"] = message_id
    message.set_content("\n".join(lines) + "\n")
    items = "".join(f"<p>{escape(line)}</p>" for line in lines[:-1])
    anchor = f'<p><a href="{escape(link)}">{escape(link_text)}</a></p>'
    html = f"<html><body>{items}{anchor}</body></html>"
    message.add_alternative(html, subtype="html")
    return message
