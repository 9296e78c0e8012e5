"""An admin adding a webhook in production: refused addresses are explained on the page and
nothing is stored; an allow-listed hospital network is accepted."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from server.models import Webhook
from tests.server.access_matrix import WEBHOOK_SECRET


def add_webhook(admin_pages, world, url):
    return admin_pages.post(
        f"/admin/teams/{world.team_a.id}/webhooks", {"url": url, "secret": WEBHOOK_SECRET}
    )


def stored_urls(db_session):
    db_session.expire_all()
    return db_session.scalars(select(Webhook.url)).all()


@pytest.mark.parametrize(
    ("url", "told"),
    [
        ("https://127.0.0.1:8443/hooks", "resolves to 127.0.0.1, a loopback address"),
        ("https://10.1.2.3/hooks", "resolves to 10.1.2.3, a private address"),
        ("https://169.254.169.254/latest", "resolves to 169.254.169.254, a link-local address"),
        ("https://2130706433/hooks", "is a number in an unusual spelling"),
        ("https://[::ffff:127.0.0.1]/hooks", "resolves to ::ffff:7f00:1, a loopback address"),
        ("http://93.184.216.34/hooks", "starts with https:// here"),
    ],
)
def test_a_webhook_to_a_refused_address_is_explained_and_not_stored(
    admin_pages, world, db_session, url, told
):
    response = add_webhook(admin_pages, world, url)

    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert told in page
    if "resolves" in told:
        assert "in production only public addresses are allowed" in page
    assert stored_urls(db_session) == []


def test_a_webhook_into_the_allow_listed_hospital_network_is_stored(admin_pages, world, db_session):
    response = add_webhook(admin_pages, world, "https://10.20.3.4/fhir")

    assert response.status_code == 303
    assert stored_urls(db_session) == ["https://10.20.3.4/fhir"]
