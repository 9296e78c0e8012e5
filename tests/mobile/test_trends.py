"""The history chart's data: daily worst score per site over 30 days, treatments on their day."""

from __future__ import annotations

from datetime import timedelta

from mobile.phone import Phone
from mobile.presenters import CheckInForm, SiteEntry
from mobile.store import clinical
from tests.mobile.builders import a_treatment


def test_each_site_gets_its_daily_worst_score_and_zero_on_logged_days_without_it(tmp_path, clock):
    phone = Phone.open(tmp_path, clock=clock)
    try:
        clock.advance(days=-2)
        phone.checkin.submit(CheckInForm(sites=[SiteEntry("femur_left", 4)]))
        phone.checkin.submit(CheckInForm(sites=[SiteEntry("femur_left", 6)]))
        clock.advance(days=1)
        phone.checkin.submit(CheckInForm(sites=[SiteEntry("sacrum", 2)]))
        clock.advance(days=1)
        given = (clock.now.date() - timedelta(days=5)).isoformat()
        with phone.store.transaction() as connection:
            clinical.upsert_treatment(connection, a_treatment(started_on=given, ended_on=given))

        trends = phone.history.trends()
    finally:
        phone.stop()

    thigh, sacrum = trends.sites
    assert (thigh.site, thigh.scores) == ("femur_left", {27: 6, 28: 0})
    assert (sacrum.site, sacrum.scores) == ("sacrum", {27: 0, 28: 2})
    assert trends.logged_days == {27, 28}
    assert [(mark.day, mark.label) for mark in trends.treatments] == [(24, "Radiotherapy")]


def test_a_check_in_that_did_not_rate_pain_is_no_point_on_the_chart(tmp_path, clock):
    phone = Phone.open(tmp_path, clock=clock)
    try:
        clock.advance(days=-1)
        phone.checkin.submit(CheckInForm(sites=[SiteEntry("spine_thoracic", 8)]))
        clock.advance(days=1)
        phone.checkin.submit(CheckInForm(symptoms=["confusion_drowsiness"], pain_rated=False))

        trends = phone.history.trends()
    finally:
        phone.stop()

    (spine,) = trends.sites
    assert spine.scores == {28: 8}
    assert trends.logged_days == {28}
