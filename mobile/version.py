"""The app version, in one place: sent as `Painline-App-Version` on every sync."""

APP_VERSION = "0.1.0"
