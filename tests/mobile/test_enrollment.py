"""Enrollment input: the QR payload and the HTTPS rule."""

from __future__ import annotations

import pytest

from mobile.enrollment import EnrollmentError, check_server, parse_qr, target_from_fields


def test_a_qr_code_gives_the_server_and_the_code():
    target = parse_qr("painline://enroll?server=https%3A%2F%2Fpain.example.org%2F&code=K7M2-Q9TX")

    assert target.server == "https://pain.example.org"
    assert target.code == "K7M2-Q9TX"


def test_a_qr_code_of_another_app_is_refused():
    with pytest.raises(EnrollmentError, match="not a Painline"):
        parse_qr("https://pain.example.org/?code=K7M2-Q9TX")


def test_a_qr_code_without_a_code_is_refused():
    with pytest.raises(EnrollmentError, match="incomplete"):
        parse_qr("painline://enroll?server=https://pain.example.org")


def test_a_qr_code_pointing_at_plain_http_is_refused():
    with pytest.raises(EnrollmentError, match="https"):
        parse_qr("painline://enroll?server=http://pain.example.org&code=K7M2-Q9TX")


@pytest.mark.parametrize(
    "url",
    ["https://pain.example.org", "http://localhost:5000", "http://127.0.0.1:8080/", "http://[::1]"],
)
def test_https_or_this_machine_is_accepted(url):
    assert check_server(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://pain.example.org",
        "http://192.168.1.10:5000",
        "ftp://pain.example.org",
        "pain.example.org",
        "https://user:pw@pain.example.org",
        "",
    ],
)
def test_anything_else_is_refused_with_a_message_about_the_server(url):
    with pytest.raises(EnrollmentError) as refused:
        check_server(url)

    assert refused.value.field == "server"


def test_typed_code_spaces_are_dropped_and_an_empty_code_is_refused():
    assert target_from_fields("https://pain.example.org", " K7M2 Q9TX ").code == "K7M2Q9TX"
    with pytest.raises(EnrollmentError, match="enter the code"):
        target_from_fields("https://pain.example.org", "  ")
