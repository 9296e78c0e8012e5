"""Commands print a domain error as one sentence and exit with status 1, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from server.services.errors import DomainError

Command = TypeVar("Command", bound=Callable[..., Any])


def reports_domain_errors(command: Command) -> Command:
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DomainError as error:
            raise click.ClickException(error.message) from None

    return run  # type: ignore[return-value]
