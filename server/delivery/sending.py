"""One claimed job, sent through its channel. Runs in a worker thread, away from the database."""

from __future__ import annotations

import time

from server.config import Settings
from server.delivery.deadline import DeadlinePassed
from server.delivery.leases import Job
from server.delivery.notice import alert_email, dead_letter_email
from server.delivery.routing import ADMIN_EMAIL, EMAIL, WEBHOOK
from server.delivery.senders import DeliveryFailed, post_webhook, send_email
from server.delivery.webhook_policy import WebhookPolicy


def send(job: Job, settings: Settings) -> str | None:
    """None when delivered, else the reason it was not.

    The webhook timestamp is the wall clock's: receivers check it against theirs to refuse
    replays, whatever clock the worker schedules by.
    """
    message_id = f"<{job.delivery_id}@painline>"
    try:
        if job.channel == WEBHOOK:
            if job.webhook_url is None or job.webhook_secret is None:
                raise DeliveryFailed("the webhook was removed")
            post_webhook(
                job.webhook_url,
                job.webhook_secret,
                str(job.delivery_id),
                int(time.time()),
                job.notice,
                WebhookPolicy.of(settings),
            )
        elif job.channel == EMAIL:
            message = alert_email(job.notice, settings.mail_from, job.recipient, message_id)
            send_email(settings.smtp_url, message)
        elif job.channel == ADMIN_EMAIL:
            message = dead_letter_email(
                job.notice, list(job.failed), settings.mail_from, job.recipient, message_id
            )
            send_email(settings.smtp_url, message)
        else:
            raise DeliveryFailed(f"unknown channel {job.channel!r}")
    except (DeliveryFailed, DeadlinePassed) as failure:
        return str(failure)
    except Exception as error:  # a bug in one delivery must not stop the others
        return f"{type(error).__name__}: {error}"
    return None
