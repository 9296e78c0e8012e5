from shared.history import PatientHistory
from tests.shared.builders import D, day, history, moment, report, site


def test_the_latest_revision_of_a_report_wins():
    first = report(D, site("sacrum", 3), id="00000000-0000-0000-0000-0000000000a1")
    second = report(D, site("sacrum", 7), id=first.id, revision=2)

    assert history(second, first).daily_score("sacrum", D) == 7


def test_a_deleted_latest_revision_removes_the_record():
    kept = report(D, site("sacrum", 3), id="00000000-0000-0000-0000-0000000000a2")
    gone = report(D, id=kept.id, revision=2, deleted=True)

    assert not history(kept, gone).is_logged(D)


def test_a_lower_revision_arriving_late_is_ignored():
    newer = report(D, site("sacrum", 2), id="00000000-0000-0000-0000-0000000000a3", revision=3)
    older = report(D, site("sacrum", 9), id=newer.id, revision=1)

    assert history(newer, older).daily_score("sacrum", D) == 2


def test_a_report_at_23_30_plus_10_lands_on_its_local_day():
    late = report(D, site("sacrum", 5), hour=23, minute=30, offset_hours=10)

    patient = history(late)

    assert patient.is_logged(D) and not patient.is_logged(day(1)) and not patient.is_logged(day(-1))


def test_a_report_just_after_local_midnight_west_of_utc_lands_on_its_local_day():
    early = report(D, site("sacrum", 5), hour=0, minute=10, offset_hours=-5)

    assert history(early).logged_days(day(-1), day(1)) == (D,)


def test_as_of_hides_records_made_after_now_whatever_their_offset():
    morning = report(D, site("sacrum", 2), hour=8)
    evening = report(D, site("sacrum", 9), hour=20)
    # 01:00 next day at +14:00 is 11:00 UTC on D: after 10:00 UTC.
    far_east = report(day(1), site("pelvis", 4), hour=1, offset_hours=14)

    seen = history(morning, evening, far_east).as_of(moment(D, 10))

    assert seen.daily_score("sacrum", D) == 2
    assert not seen.is_logged(day(1))


def test_an_empty_history_has_no_logged_days():
    assert PatientHistory.build().logged_days(day(-30), D) == ()


def test_an_unrated_check_in_hidden_by_as_of_leaves_the_earlier_scores_alone():
    rated = report(D, site("sacrum", 4), hour=8)
    unrated = report(D, symptoms=["thirst"], hour=20, pain_rated=False)

    full = history(rated, unrated)
    seen = full.as_of(moment(D, 10))

    assert seen.same_day_reports(D) == (rated,)
    assert full.same_day_reports(D) == (rated, unrated)
    assert seen.daily_score("sacrum", D) == full.daily_score("sacrum", D) == 4


def test_a_view_before_the_only_unrated_check_in_of_a_day_sees_no_check_in_that_day():
    unrated = report(day(1), symptoms=["thirst"], hour=8, pain_rated=False)

    seen = history(report(D, site("sacrum", 4)), unrated).as_of(moment(D, 23))

    assert seen.check_in_days(D, day(1)) == (D,) and seen.logged_days(D, day(1)) == (D,)
