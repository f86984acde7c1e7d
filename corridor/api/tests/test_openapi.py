"""The committed docs/openapi.json is what the code generates, and it documents every error."""

import json

from scripts.openapi import SCHEMA_FILE, generate


def test_it_commits_the_schema_the_code_generates():
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == generate(), "run `make openapi` and commit docs/openapi.json"


def test_it_documents_the_error_shape_for_every_operation():
    schema = json.loads(generate())
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "401" in responses, (method, path)
            if "{" in path:
                assert {"404", "422"} <= set(responses), (method, path)
            if method == "patch":
                assert "409" in responses, (method, path)
            for status, response in responses.items():
                if status.startswith("4"):
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/ErrorOut"
                    }
