from openapi_spec_validator import validate

OPEN_OPERATIONS = {("get", "/healthz")}


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                yield method, path, operation


def test_the_spec_is_valid_and_lists_the_api(client):
    spec = client.get("/openapi.json").get_json()

    validate(spec)
    assert {"/api/v1/auth/login", "/api/v1/patients", "/api/v1/enroll"} <= set(spec["paths"])


def test_both_bearer_schemes_are_declared(client):
    schemes = client.get("/openapi.json").get_json()["components"]["securitySchemes"]

    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["deviceToken"] == {**schemes["deviceToken"], "type": "http", "scheme": "bearer"}


def test_every_operation_declares_its_security_and_its_failures(client):
    spec = client.get("/openapi.json").get_json()

    for method, path, operation in operations(spec):
        if (method, path) in OPEN_OPERATIONS:
            continue
        assert "security" in operation, f"{method} {path} declares no security"
        statuses = set(operation["responses"])
        successes = {status for status in statuses if status.startswith("2")}
        assert len(successes) == 1, f"{method} {path}: one success response, not {successes}"
        if operation["security"]:
            assert "401" in statuses, f"{method} {path} does not document 401"


def test_rate_limited_operations_document_retry_after(client):
    spec = client.get("/openapi.json").get_json()

    for path in ("/api/v1/auth/login", "/api/v1/enroll"):
        too_many = spec["paths"][path]["post"]["responses"]["429"]
        assert "Retry-After" in too_many["headers"]
