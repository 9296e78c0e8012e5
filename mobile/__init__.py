"""The Painline phone app: local store, outbox, sync client, Kivy-free presenters, Kivy screens.

`python -m mobile` starts the app (`mobile.main`); the screens live in `mobile.ui`.

The Kivy layer builds one `mobile.phone.Phone` (`Phone.open(user_data_dir, on_sync_result=...)`)
and calls `start()` / `stop()`. Screens use its presenters, always through
`phone.tasks.submit(work, on_done)` with `on_done` wrapped in `@mainthread`:

- `phone.enrollment`: `from_qr(payload, device_name)`, `from_fields(server, code, device_name)`
- `phone.checkin`: `submit(CheckInForm)`, `revise(id, CheckInForm)` -> `SaveResult` with
  `saved`, `errors` per field and `safety_net` (call-now screen) when the engine finds an emergency
- `phone.doses`: `submit(DoseForm)`, `revise(id, DoseForm)`, `planned_medications()`
- `phone.history`: `entries()`, `trends()` (per-site pain over 30 days), `delete(kind, id)`
- `phone.messages`: `view()` (alert status, could-not-send list, new code or update needed)
- `phone.preferences`: `view()`, `set_reminder_time(text)`, `set_pin(pin)`, `check_pin(pin)`
- `phone.sign_out`: `unsynced()`, `sign_out(accept_loss=False)`
- `phone.runner.sync_now()` after resume; results arrive at `on_sync_result` (a `SyncResult`)
"""
