"""Telling a clinic's admins, by email, that someone used break-glass access.

Sent in a thread once the grant is committed, so the clinician's page never waits on the mail
server; a failure is logged, and the grant stays on the admins' audit page either way.
"""

from __future__ import annotations

import logging
import threading

from server.config import Settings
from server.delivery.notice import email_message
from server.delivery.senders import DeliveryFailed, send_email
from server.services.break_glass import BreakGlassReport

log = logging.getLogger(__name__)


def report_break_glass(report: BreakGlassReport, settings: Settings, audit_link: str) -> None:
    thread = threading.Thread(target=send_reports, args=(report, settings, audit_link), daemon=True)
    thread.start()


def send_reports(report: BreakGlassReport, settings: Settings, audit_link: str) -> None:
    lines = [
        f"{report.clinician_email} used break-glass access to patient {report.patient_id}, "
        "outside their care teams.",
        f"Reason given: {report.reason}",
        f"Granted {report.granted_at:%Y-%m-%d %H:%M} UTC, until {report.expires_at:%H:%M} UTC.",
        "Every page they open is in the audit log.",
        f"Review it: {audit_link}",
    ]
    subject = f"[Painline] Break-glass access to patient {report.patient_id}"
    for address in report.admin_emails:
        message_id = f"<break-glass-{report.grant_id}-{address}@painline>"
        message = email_message(subject, lines, audit_link, settings.mail_from, address, message_id)
        try:
            send_email(settings.smtp_url, message)
        except DeliveryFailed as failure:
            log.warning("break-glass report to %s not sent: %s", address, failure)
