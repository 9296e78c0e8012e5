"""`/api/v1/auth`: clinicians and admins sign in for a 12-hour token, and sign out."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from server.api.client import client_address
from server.api.docs import CLINICIAN, PUBLIC, operation
from server.api.schemas.auth import LoginResponseSchema, LoginSchema
from server.extensions import db
from server.models.base import utcnow
from server.security.current_actor import require_staff
from server.services import authentication

blp = Blueprint("auth", __name__, url_prefix="/api/v1/auth", description="Signing in and out")


@blp.route("/login")
class Login(MethodView):
    @operation(blp, security=PUBLIC, errors=(401, 429))
    @blp.arguments(LoginSchema)
    @blp.response(200, LoginResponseSchema)
    def post(self, credentials: dict[str, Any]) -> Any:
        """Sign in with email, password and, where set up, the authenticator's code."""
        login = authentication.log_in(
            db.session,
            credentials["email"],
            credentials["password"],
            credentials.get("otp"),
            client_address(),
            utcnow(),
        )
        return {"token": login.token, "expires_at": login.expires_at, "user": login.user}


@blp.route("/logout")
class Logout(MethodView):
    @operation(blp, security=CLINICIAN, errors=(401, 403))
    @blp.response(204)
    def post(self) -> None:
        """End this token's session."""
        authentication.log_out(db.session, require_staff(), utcnow())
