"""Where webhooks may point, judged on the addresses a URL resolves to (no database, no network
beyond the resolver, which answers literal addresses and `localhost` itself)."""

from __future__ import annotations

import ipaddress

import pytest

from server.config import ConfigError, Settings
from server.delivery.webhook_policy import RefusedWebhook, WebhookPolicy, destination

PRODUCTION = WebhookPolicy(production=True)
DEVELOPMENT = WebhookPolicy(production=False)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://127.0.0.1/hooks", "127.0.0.1, a loopback address"),
        ("https://localhost:8443/hooks", "127.0.0.1, a loopback address"),
        ("https://10.1.2.3/hooks", "10.1.2.3, a private address"),
        ("https://192.168.0.7/hooks", "192.168.0.7, a private address"),
        ("https://169.254.169.254/latest/meta-data", "169.254.169.254, a link-local address"),
        ("https://0.0.0.0/hooks", "0.0.0.0, an unspecified address"),
        ("https://[::]/hooks", ":: , an unspecified address".replace(" ,", ",")),
        ("https://[::1]/hooks", "::1, a loopback address"),
        ("https://[fd00::5]/hooks", "fd00::5, a private address"),
        ("https://[::ffff:127.0.0.1]/hooks", "::ffff:7f00:1, a loopback address"),
        ("https://[::ffff:10.0.0.1]/hooks", "::ffff:a00:1, a private address"),
        ("https://[::169.254.169.254]/hooks", "::a9fe:a9fe, a link-local address"),
        ("https://224.0.0.1/hooks", "224.0.0.1, a multicast address"),
        ("https://240.0.0.1/hooks", "240.0.0.1, a"),
        ("https://100.64.0.1/hooks", "100.64.0.1, a non-public address"),
    ],
)
def test_production_refuses_every_non_public_address_and_says_which(url, kind):
    with pytest.raises(RefusedWebhook) as refused:
        destination(url, PRODUCTION)

    assert f"The webhook address resolves to {kind}" in str(refused.value)
    assert "in production only public addresses are allowed" in str(refused.value)
    assert "PAINLINE_WEBHOOK_ALLOW_PRIVATE" in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://2130706433/hooks",
        "https://0x7f.1/hooks",
        "https://0x7f000001/hooks",
        "https://0177.0.0.1/hooks",
        "https://127.1/hooks",
        "https://127.000.000.001/hooks",
    ],
)
def test_numbers_in_odd_spellings_are_refused_before_any_lookup(url):
    for policy in (PRODUCTION, DEVELOPMENT):
        with pytest.raises(RefusedWebhook, match="a number in an unusual spelling"):
            destination(url, policy)


def test_production_takes_https_only():
    with pytest.raises(RefusedWebhook, match="starts with https:// here"):
        destination("http://93.184.216.34/hooks", PRODUCTION)


def test_a_public_address_is_the_destination_connected_to():
    target = destination("https://93.184.216.34:8443/hooks", PRODUCTION)

    assert (target.host, target.address) == ("93.184.216.34", "93.184.216.34")


def test_an_allow_listed_network_is_accepted_in_production():
    policy = WebhookPolicy(True, (ipaddress.ip_network("10.20.0.0/16"),))

    assert destination("https://10.20.3.4/fhir", policy).address == "10.20.3.4"
    with pytest.raises(RefusedWebhook, match=r"10\.21\.0\.1, a private address"):
        destination("https://10.21.0.1/fhir", policy)


def test_development_takes_http_and_loopback_but_not_other_private_networks():
    assert destination("http://localhost:5001/hooks", DEVELOPMENT).address == "127.0.0.1"
    assert destination("http://[::1]:5001/hooks", DEVELOPMENT).address == "::1"
    with pytest.raises(RefusedWebhook, match="in development only public and loopback"):
        destination("http://192.168.1.10/hooks", DEVELOPMENT)
    with pytest.raises(RefusedWebhook, match="a link-local address"):
        destination("http://169.254.169.254/", DEVELOPMENT)


def test_a_host_that_cannot_be_found_is_refused():
    with pytest.raises(RefusedWebhook, match="could not be found"):
        destination("https://no-such-host.invalid/hooks", PRODUCTION)


def test_the_allow_list_setting_is_parsed_and_a_bad_network_stops_start_up():
    settings = Settings.from_env({"PAINLINE_WEBHOOK_ALLOW_PRIVATE": "10.20.0.0/16, fd00:1::/32"})

    assert WebhookPolicy.of(settings).allowed == (
        ipaddress.ip_network("10.20.0.0/16"),
        ipaddress.ip_network("fd00:1::/32"),
    )
    assert Settings.from_env({}).webhook_allow_private == ()
    with pytest.raises(ConfigError, match=r"'10\.20\.0\.1/16' is not one"):
        Settings.from_env({"PAINLINE_WEBHOOK_ALLOW_PRIVATE": "10.20.0.1/16"})
