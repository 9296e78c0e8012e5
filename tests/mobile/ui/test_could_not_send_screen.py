"""A record the server kept failing on, as the patient sees it on Messages: under "Could not
send", with the server's answer, readable on a 360-wide phone; the other entries went."""

from __future__ import annotations

import os
from pathlib import Path

from mobile import outbox
from mobile.store import clinical
from mobile.sync.errors import ServerFault
from mobile.sync.session import could_not_take
from tests.mobile.builders import a_stable_check_in
from tests.mobile.ui.conftest import settle
from tests.mobile.ui.test_other_screens import open_screen

SERVER_SAYS = "could not store this pain report"


def labels_under(widget) -> list:
    found = []
    for child in widget.walk():
        if hasattr(child, "text") and child.text and type(child).__name__ != "Button":
            found.append(child)
    return found


def test_an_isolated_record_shows_under_could_not_send_with_the_servers_answer(
    enrolled_shell, phone, tmp_path
):
    phone.checkin.submit(a_stable_check_in(3))
    with phone.store.transaction() as connection:
        batch = outbox.next_batch(connection)
        fault = ServerFault("the server is busy (HTTP 500)", 500, SERVER_SAYS)
        outbox.refuse(connection, batch, could_not_take(fault))

    messages = open_screen(enrolled_shell, phone, "messages")
    settle(phone)

    texts = [label.text for label in labels_under(messages)]
    assert "Could not send" in texts
    shown = [label for label in labels_under(messages.ids.unsent) if SERVER_SAYS in label.text]
    assert shown, texts
    (reason,) = shown
    assert "The server could not take this entry (HTTP 500)" in reason.text
    # The whole sentence fits the phone's width, wrapped rather than cut.
    assert reason.texture_size[0] <= messages.width
    assert reason.right <= messages.width + 1
    folder = Path(os.environ.get("PAINLINE_SHOTS", tmp_path))
    messages.export_to_png(str(folder / "phone-could-not-send.png"))


def test_open_alerts_promise_only_what_is_true_and_say_once_what_to_do(enrolled_shell, phone):
    with phone.store.transaction() as connection:
        for alert_id in ("a1", "a2"):
            clinical.upsert_alert(
                connection, {"id": alert_id, "status": "open", "raised_at": "2026-12-02T10:51:00Z"}
            )

    messages = open_screen(enrolled_shell, phone, "messages")
    settle(phone)

    texts = [label.text for label in labels_under(messages.ids.alerts)]
    assert sum("Your care team can see this on their worklist." in text for text in texts) == 2
    assert [text for text in texts if "If you feel worse" in text] == [
        "[b]If you feel worse, call the helpline now.[/b]"
    ]
    assert not any("has been told" in text or "will contact you" in text for text in texts)
