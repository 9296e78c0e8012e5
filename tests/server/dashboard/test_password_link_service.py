"""One-time set-password links in the service: issued by an admin, spent once by their user."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from server.models import ApiToken, PasswordLink, Role
from server.models.base import utcnow
from server.security.actors import Admin
from server.security.passwords import verify_password
from server.security.token_lookup import staff_actor
from server.security.tokens import hash_token
from server.services import authentication, password_links
from server.services.admin import users
from server.services.errors import InvalidInput, NotAuthenticated, TooManyAttempts
from server.services.password_links import GONE_MESSAGE, LINK_LIFETIME, LinkGone
from tests.support.builders import PASSWORD, World

CHOSEN = "a password only I know"
ADDRESS = "198.51.100.7"


def the_admin(db_session, world: World) -> Admin:
    actor = staff_actor(db_session, hash_token(world.tokens["admin"]), utcnow())
    assert isinstance(actor, Admin)
    return actor


def new_clinician(db_session, world: World) -> users.UserWithLink:
    admin = the_admin(db_session, world)
    return users.create_user(
        db_session, admin, "dr.new@example.org", Role.CLINICIAN, [world.team_a.id], False, utcnow()
    )


def spend(db_session, token: str, password: str = CHOSEN, at=None) -> None:
    password_links.set_password(db_session, token, password, password, ADDRESS, at or utcnow())


def test_a_new_account_cannot_sign_in_before_its_user_chooses_a_password(db_session, world):
    created = new_clinician(db_session, world)

    for guess in ("", PASSWORD, created.link_token):
        with pytest.raises(NotAuthenticated):
            authentication.log_in(db_session, created.user.email, guess, None, ADDRESS, utcnow())


def test_only_the_tokens_hash_is_stored_with_who_issued_it(db_session, world):
    created = new_clinician(db_session, world)

    (link,) = db_session.scalars(select(PasswordLink)).all()
    assert link.token_hash == hash_token(created.link_token) != created.link_token
    assert (link.user_id, link.created_by) == (created.user.id, world.admin.id)
    assert link.expires_at - link.created_at == timedelta(hours=72) == LINK_LIFETIME
    assert link.used_at is None


def test_a_link_sets_the_users_own_password_and_works_only_once(db_session, world):
    created = new_clinician(db_session, world)

    spend(db_session, created.link_token)
    chosen_hash = created.user.password_hash
    with pytest.raises(LinkGone) as refused:
        spend(db_session, created.link_token, "someone else's password")

    assert refused.value.message == GONE_MESSAGE
    db_session.refresh(created.user)
    assert created.user.password_hash == chosen_hash
    assert verify_password(created.user.password_hash, CHOSEN)
    login = authentication.log_in(db_session, created.user.email, CHOSEN, None, ADDRESS, utcnow())
    assert login.user.id == created.user.id


def test_a_link_stops_working_after_72_hours(db_session, world):
    created = new_clinician(db_session, world)
    before = created.user.password_hash

    with pytest.raises(LinkGone):
        spend(db_session, created.link_token, at=utcnow() + LINK_LIFETIME + timedelta(seconds=1))

    db_session.refresh(created.user)
    assert created.user.password_hash == before
    assert db_session.scalars(select(PasswordLink.used_at)).all() == [None]


def test_a_new_link_ends_the_earlier_unused_one(db_session, world):
    created = new_clinician(db_session, world)
    reset = users.reset_password(
        db_session, the_admin(db_session, world), created.user.id, utcnow()
    )

    with pytest.raises(LinkGone):
        spend(db_session, created.link_token)
    spend(db_session, reset.link_token)

    db_session.refresh(created.user)
    assert verify_password(created.user.password_hash, CHOSEN)


@pytest.mark.parametrize(
    ("password", "repeated", "told"),
    [
        ("short", "short", "at least 12 characters"),
        (CHOSEN, CHOSEN + "!", "not the same"),
    ],
)
def test_a_refused_password_changes_nothing_and_leaves_the_link_usable(
    db_session, world, password, repeated, told
):
    created = new_clinician(db_session, world)
    before = created.user.password_hash

    with pytest.raises(InvalidInput, match=told):
        password_links.set_password(
            db_session, created.link_token, password, repeated, ADDRESS, utcnow()
        )

    db_session.refresh(created.user)
    assert created.user.password_hash == before
    spend(db_session, created.link_token)


def test_a_reset_ends_the_old_password_and_every_session_at_once(db_session, world):
    clinician = world.clinician_a

    users.reset_password(db_session, the_admin(db_session, world), clinician.id, utcnow())

    with pytest.raises(NotAuthenticated):
        authentication.log_in(db_session, clinician.email, PASSWORD, None, ADDRESS, utcnow())
    open_tokens = select(ApiToken).where(
        ApiToken.user_id == clinician.id, ApiToken.revoked_at.is_(None)
    )
    assert db_session.scalars(open_tokens).all() == []


def test_spending_a_link_ends_the_sessions_its_user_had(db_session, world):
    clinician = world.clinician_a
    token = password_links.add_link(db_session, clinician, world.admin.id, utcnow())
    db_session.commit()

    spend(db_session, token)

    assert staff_actor(db_session, hash_token(world.tokens["clinician_a"]), utcnow()) is None


def test_a_deactivated_users_link_no_longer_works(db_session, world):
    created = new_clinician(db_session, world)
    users.deactivate_user(db_session, the_admin(db_session, world), created.user.id, utcnow())
    before = created.user.password_hash

    with pytest.raises(LinkGone):
        spend(db_session, created.link_token)

    db_session.refresh(created.user)
    assert created.user.password_hash == before


def test_unknown_links_are_counted_per_address_and_then_refused_for_a_while(db_session, world):
    limit = password_links.SET_PASSWORD_FAILURES_PER_ADDRESS.max_failures
    for _ in range(limit):
        with pytest.raises(LinkGone):
            password_links.link_holder(db_session, "no-such-link", ADDRESS, utcnow())

    with pytest.raises(TooManyAttempts):
        password_links.link_holder(db_session, "no-such-link", ADDRESS, utcnow())
    # Another address is not held back by this one's failures.
    with pytest.raises(LinkGone):
        password_links.link_holder(db_session, "no-such-link", "203.0.113.9", utcnow())
