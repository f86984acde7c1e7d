"""The API fuzzed against its own OpenAPI schema: valid and malformed requests alike never cause a
server error, answer only documented status codes, and answer bodies that match the schema.

Bounded to stay fast: a fixed number of examples per operation, derandomized so a failure is
reproducible, no deadline (the first request of a test warms caches).
"""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from corridor.api.tests.conftest import token_secret

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


# Loaded when the module is collected: serving the schema needs no database. (schemathesis'
# lazy `from_fixture` loader does not work with pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@pytest.fixture(autouse=True)
def requests_inside_the_test_transaction() -> Iterator[None]:
    # Django closes "old" connections when a request starts and ends; through WSGI that would end
    # the test's transaction. Django's test client disconnects these handlers for the same reason.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(org, a_case, a_person) -> dict[str, Any]:
    """Real objects for the ids in URLs (random UUIDs would only ever meet a 404), and a manager's
    token, whose role may use every operation."""
    return {
        "headers": {"Authorization": f"Bearer {token_secret(org, 'manager')}"},
        "path": {"case_id": str(a_case.pk), "person_id": str(a_person.pk)},
    }


@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_it_conforms_to_its_own_schema(case, world):
    if case.path_parameters:
        case.path_parameters = {name: world["path"].get(name, value) for name, value in case.path_parameters.items()}
    case.call_and_validate(headers=world["headers"], checks=CHECKS)
