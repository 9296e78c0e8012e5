"""Reduce a stream of record revisions to what the engine sees: the latest of each id."""

from collections.abc import Iterable
from typing import TypeVar

from shared.records import Dose, PainReport, Treatment

Revised = TypeVar("Revised", PainReport, Dose, Treatment)


def latest_revisions(records: Iterable[Revised]) -> list[Revised]:
    """The highest revision of every id, with ids whose latest revision is deleted left out.

    Between two copies of one revision (a sync conflict), a deleted one wins, so a record the
    patient removed never comes back by accident; otherwise the first seen is kept.
    """
    latest: dict[str, Revised] = {}
    for record in records:
        current = latest.get(record.id)
        if current is None or (record.revision, record.deleted) > (
            current.revision,
            current.deleted,
        ):
            latest[record.id] = record
    return [record for record in latest.values() if not record.deleted]
