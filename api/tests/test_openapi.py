"""schemathesis: generated requests against the published OpenAPI schema; every response conforms."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from chefsguider.wsgi import application


@pytest.fixture
def wsgi_in_test_transaction(db, settings):
    """Call the WSGI app as Django's test client does: without closing the test's connection."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.SEARCH_RATE = settings.SUGGEST_RATE = "100000/m"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_operation_conforms_to_the_schema(wsgi_in_test_transaction, make_guide):
    make_guide("Lönesamtal", areas=["lon"], situations=["lonerevision"])
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_in_test_transaction)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} == {"/api/v1/guides/", "/api/v1/suggest/"}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def conforms(case):
            response = case.call(headers={"Accept-Encoding": "identity"})
            assert response.status_code < 500, case.as_curl_command()
            case.validate_response(response)

        conforms()
