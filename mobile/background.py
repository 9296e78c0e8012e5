"""Work the UI must not wait for (saving, reading history), run in order on one worker thread.

`tasks.submit(work, on_done)` returns at once; `on_done` gets the result or the exception on the
worker thread, so the Kivy layer wraps it with `@mainthread`. One thread keeps saves in the
order the patient made them.
"""

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

log = logging.getLogger(__name__)

Result = TypeVar("Result")


class BackgroundTasks:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="painline-task")

    def submit(
        self,
        work: Callable[[], Result],
        on_done: Callable[[Result | BaseException], None],
    ) -> Future[Result]:
        def finished(future: Future[Result]) -> None:
            error = future.exception()
            try:
                on_done(future.result() if error is None else error)
            except Exception:
                log.exception("a background task's callback failed")

        future = self._executor.submit(work)
        future.add_done_callback(finished)
        return future

    def shutdown(self) -> None:
        """Finish the queued work (a save in flight completes) and stop the thread."""
        self._executor.shutdown(wait=True)
