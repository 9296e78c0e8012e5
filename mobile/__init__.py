"""The Painline phone app: local store, outbox, sync client and Kivy-free presenters.

`mobile.phone.Phone` wires them together; the Kivy screens (a later layer) call its presenters
from a background task and show the results on the UI thread.
"""
