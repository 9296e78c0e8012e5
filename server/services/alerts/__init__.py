"""Alerts from the engine's findings, evaluated inside the transaction that changed the data.

`evaluate_after_push` runs after a sync stored reports or doses; `evaluate_now` after a clinician
entered a treatment or context. Both load only the window the engine declares, apply the shared
alert lifecycle and write one outbox row per alert event.
"""

from server.services.alerts.evaluation import evaluate_after_push, evaluate_now
from server.services.alerts.lapsed import keys_holding

__all__ = ["evaluate_after_push", "evaluate_now", "keys_holding"]
