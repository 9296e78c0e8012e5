"""One page of a list query, and how many rows there are in all."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

Row = TypeVar("Row")


def one_page(
    session: Session, query: Select[tuple[Row]], order_by: tuple[Any, ...], first: int, size: int
) -> tuple[list[Row], int]:
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    # A page past the end is empty; asking the database for it could overflow its offset.
    if first >= total:
        return [], total
    return list(session.scalars(query.order_by(*order_by).offset(first).limit(size))), total
