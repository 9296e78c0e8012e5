import json
import subprocess
import sys

from shared.replay.__main__ import main
from tests.conftest import ROOT
from tests.shared.builders import D, day, report_wire, site
from tests.shared.replay.documents import document, stable_days, write


def weak_on(on, hour=10):
    return report_wire(on, symptoms=["limb_weakness"], hour=hour)


def lines(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_python_m_shared_replay_prints_one_json_line_per_event(tmp_path):
    path = write(tmp_path, "one.json", document(*stable_days(-20, 0), weak_on(D)))

    result = subprocess.run(
        [sys.executable, "-m", "shared.replay", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )

    (event,) = lines(result.stdout)
    assert list(event) == ["event", "rule", "tier", "site", "at", "evidence"]
    assert (event["event"], event["rule"]) == ("raised", "mscc_neuro_red_flag")


def test_a_malformed_file_gets_one_line_and_the_others_still_replay(tmp_path, capsys):
    good = write(tmp_path, "a.json", document(*stable_days(-20, 0), weak_on(D)))
    bad = write(tmp_path, "b.json", document(report_wire(D, site("sacrum", 12))))
    broken = write(tmp_path, "c.json", '{"patient": ')

    status = main([str(good), str(bad), str(broken)])

    captured = capsys.readouterr()
    assert status == 0
    assert captured.err.splitlines() == [
        f"{bad}: reports[0].sites[0].score: score must be a whole number from 0 to 10",
        f"{broken}: (file): not valid JSON: Expecting value (line 1, column 13)",
    ]
    assert [event["rule"] for event in lines(captured.out)] == ["mscc_neuro_red_flag"]


def test_exit_status_is_1_when_no_file_could_be_replayed(tmp_path, capsys):
    missing = tmp_path / "absent.json"

    assert main([str(missing)]) == 1
    assert capsys.readouterr().err.startswith(f"{missing}: (file): cannot be read")


def test_an_unknown_time_zone_is_named(tmp_path, capsys):
    patient = {"id": "00000000-0000-0000-0000-000000000009", "time_zone": "Mars/Olympus"}
    path = write(tmp_path, "p.json", document(patient=patient))

    assert main([str(path)]) == 1
    assert "patient.time_zone: unknown time zone 'Mars/Olympus'" in capsys.readouterr().err


def test_the_patients_time_zone_sets_the_end_of_day(tmp_path, capsys):
    patient = {"id": "00000000-0000-0000-0000-000000000010", "time_zone": "Etc/GMT-2"}
    path = write(tmp_path, "p.json", document(*stable_days(-20, -4), patient=patient))

    main([str(path)])

    (event,) = lines(capsys.readouterr().out)
    assert (event["rule"], event["at"]) == ("missed_check_ins", "2026-11-26T23:59:59+02:00")


def test_a_directory_replays_its_files_and_each_line_names_the_patient(tmp_path, capsys):
    for n in range(3):
        patient = {"id": f"00000000-0000-0000-0000-00000000010{n}"}
        write(tmp_path, f"{n}.json", document(*stable_days(-20, 0), weak_on(D), patient=patient))

    assert main([str(tmp_path)]) == 0

    found = lines(capsys.readouterr().out)
    assert [e["patient"][-1] for e in found] == ["0", "1", "2"]


def test_resolve_after_days_lets_a_key_raise_again_sooner(tmp_path, capsys):
    path = write(tmp_path, "p.json", document(*stable_days(-20, 0), weak_on(day(-4)), weak_on(D)))

    main([str(path)])
    assert len(lines(capsys.readouterr().out)) == 2
    main([str(path), "--resolve-after-days", "5"])
    assert len(lines(capsys.readouterr().out)) == 1


def test_config_file_overrides_thresholds(tmp_path, capsys):
    path = write(tmp_path, "p.json", document(*stable_days(-20, -2)))
    config = write(tmp_path, "rules.json", {"missed_check_in_hours": 48})

    main([str(path)])
    assert lines(capsys.readouterr().out) == []
    main([str(path), "--config", str(config)])
    assert [e["rule"] for e in lines(capsys.readouterr().out)] == ["missed_check_ins"]


def test_a_bad_config_stops_with_status_2(tmp_path, capsys):
    path = write(tmp_path, "p.json", document())
    config = write(tmp_path, "rules.json", {"missed_check_in_hour": 48})

    assert main([str(path), "--config", str(config)]) == 2
    assert "unknown rules setting 'missed_check_in_hour'" in capsys.readouterr().err


def test_summary_adds_alerts_per_patient_month_by_rule_and_tier(tmp_path, capsys):
    for n in range(2):
        write(tmp_path, f"{n}.json", document(*stable_days(-29, 0), weak_on(day(-3))))
    write(tmp_path, "2.json", document(*stable_days(-29, 0)))

    main(["--summary", str(tmp_path)])

    out = capsys.readouterr().out.splitlines()
    summary = [line for line in out if not line.startswith("{")]
    assert summary[0] == (
        "summary: 3 patients, 3.0 patient-months, 2 alerts = 0.68 per patient-month (0 escalations)"
    )
    assert summary[2].split() == ["mscc_neuro_red_flag", "emergency", "2", "0.68"]
