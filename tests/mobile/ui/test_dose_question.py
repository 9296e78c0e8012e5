"""A dose far above usual doses (issue 18): the phone asks before saving, in a real window."""

from __future__ import annotations

from mobile.store import Kind, records
from mobile.ui.doses import DoseQuestion
from tests.mobile.ui.conftest import scroll_to, settle


def open_doses(shell, phone):
    shell.go("doses")
    settle(phone)
    return shell.screen("doses")


def saved_doses(phone):
    with phone.store.transaction() as connection:
        return [record.body for record in records.since(connection, Kind.DOSE)]


def questions(window):
    return [child for child in window.children if isinstance(child, DoseQuestion)]


def shown_whole(widget, window):
    """On the window, its text laid out inside it: what a patient can read."""
    left, bottom = widget.to_window(widget.x, widget.y)
    inside = left >= 0 and bottom >= 0
    inside = (
        inside and left + widget.width <= window.width and bottom + widget.height <= window.height
    )
    return inside and widget.opacity > 0 and 0 < widget.texture_size[1] <= widget.height


def enter(doses, finger, amount, medication="Morphine", unit="mg"):
    doses.ids.medication.text = medication
    doses.ids.dose.text = amount
    doses.ids.unit.text = unit
    scroll_to(doses.ids.scroll, doses.ids.save_dose)
    finger.tap(doses.ids.save_dose)


def test_morphine_100000_mg_asks_whether_it_is_right_and_saves_nothing_yet(
    enrolled_shell, phone, finger, window
):
    doses = open_doses(enrolled_shell, phone)

    enter(doses, finger, "100000")

    (question,) = questions(window)
    labels = [question.ids[name] for name in ("question", "why", "right", "change")]
    assert [label.text for label in labels] == [
        "Is 100000 mg right? That is far above usual doses",
        "Please check the amount on the box or with your care team before you save it.",
        "Yes, the amount is right",
        "No, change the amount",
    ]
    assert all(shown_whole(label, window) for label in labels)
    assert saved_doses(phone) == []
    assert "Saved" not in doses.ids.status.text
    question.dismiss()


def test_yes_saves_the_dose_as_entered(enrolled_shell, phone, finger, window):
    doses = open_doses(enrolled_shell, phone)
    enter(doses, finger, "100000")

    (question,) = questions(window)
    finger.tap(question.ids.right)
    settle(phone)

    (dose,) = saved_doses(phone)
    assert (dose["medication"], dose["dose"], dose["unit"]) == ("morphine", 100000, "mg")
    assert questions(window) == []
    assert doses.ids.status.text == "Saved: Morphine 100000 mg."
    assert shown_whole(doses.ids.status, window)


def test_no_saves_nothing_and_says_so(enrolled_shell, phone, finger, window):
    doses = open_doses(enrolled_shell, phone)
    enter(doses, finger, "100000")

    (question,) = questions(window)
    finger.tap(question.ids.change)
    settle(phone)

    assert saved_doses(phone) == []
    assert questions(window) == []
    assert doses.ids.status.text == "Not saved. Check the amount and save again."
    assert doses.ids.dose.text == "100000"


def test_a_usual_dose_is_saved_without_a_question(enrolled_shell, phone, finger, window):
    doses = open_doses(enrolled_shell, phone)

    enter(doses, finger, "30")
    settle(phone)

    assert questions(window) == []
    assert [dose["dose"] for dose in saved_doses(phone)] == [30]
    assert doses.ids.status.text.startswith("Saved")
