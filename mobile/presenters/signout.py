"""Sign-out: forget this phone's data and token, but never silently lose an unsent entry.

Without `accept_loss`, sign-out refuses while anything is waiting to send or on the "could not
send" list, and says how many; the screen then offers to sync first or to accept the loss.
"""

from collections.abc import Callable
from dataclasses import dataclass

from mobile import outbox
from mobile.store import Store


@dataclass(frozen=True)
class SignOutResult:
    signed_out: bool
    unsynced: int  # entries the server does not have (0 when signed out cleanly)


class SignOutPresenter:
    def __init__(
        self,
        store: Store,
        before_wipe: Callable[[], None] = lambda: None,
        after_wipe: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        # The phone stops its sync thread first, so no answer lands in the wiped store.
        self.before_wipe = before_wipe
        self.after_wipe = after_wipe

    def unsynced(self) -> int:
        with self.store.transaction() as connection:
            return outbox.unsynced_count(connection)

    def sign_out(self, accept_loss: bool = False) -> SignOutResult:
        self.before_wipe()
        try:
            unsynced = self.unsynced()
            if unsynced and not accept_loss:
                return SignOutResult(signed_out=False, unsynced=unsynced)
            self.store.wipe()
            return SignOutResult(signed_out=True, unsynced=unsynced)
        finally:
            self.after_wipe()
