"""spec_diff: each kind of spec change gets exactly the classification a client caller needs."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from spec_diff import Change, diff_specs, resolve_refs

from .conftest import SPEC_PATH

BASE: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "review_base.yaml").read_text(
        encoding="utf-8"
    )
)
OP = "GET /security/resources"
OK = f"{OP} 200 application/json"


def operation(spec: dict[str, Any]) -> dict[str, Any]:
    op: dict[str, Any] = spec["paths"]["/security/resources"]["get"]
    return op


def add_optional_query(spec: dict[str, Any]) -> None:
    operation(spec)["parameters"].append(
        {"name": "includeHttps", "in": "query", "schema": {"type": "integer"}}
    )


def add_required_query(spec: dict[str, Any]) -> None:
    operation(spec)["parameters"].append(
        {
            "name": "includeHttps",
            "in": "query",
            "required": True,
            "schema": {"type": "integer"},
        }
    )


def remove_response_field(spec: dict[str, Any]) -> None:
    del spec["components"]["schemas"]["Connection"]["properties"]["relay"]


def retype_field(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Connection"]["properties"]["port"] = {
        "type": "string"
    }


def remove_enum_value(spec: dict[str, Any]) -> None:
    operation(spec)["parameters"][2]["schema"]["enum"] = [1]


def add_status(spec: dict[str, Any]) -> None:
    operation(spec)["responses"]["404"] = {
        "description": "unknown source",
        "content": {"text/html": {"schema": {"type": "string"}}},
    }


def rename_operation(spec: dict[str, Any]) -> None:
    operation(spec)["operationId"] = "getSourceConnections"


def add_optional_response_field(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Connection"]["properties"]["IPv6"] = {
        "type": "boolean"
    }


def add_response_enum_value(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Connection"]["properties"]["protocol"][
        "enum"
    ].append("ws")


def make_field_optional(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Connection"]["required"] = []


def remove_status(spec: dict[str, Any]) -> None:
    del operation(spec)["responses"]["403"]


def widen_parameter_type(spec: dict[str, Any]) -> None:
    operation(spec)["parameters"][1]["schema"] = {"type": ["string", "null"]}


def narrow_response_type(spec: dict[str, Any]) -> None:
    spec["components"]["schemas"]["Connection"]["properties"]["port"] = {
        "type": ["integer", "string"]
    }


def drop_security(spec: dict[str, Any]) -> None:
    operation(spec)["security"] = [{}]


def add_operation(spec: dict[str, Any]) -> None:
    spec["paths"]["/identity"] = {
        "get": {
            "operationId": "getServerIdentity",
            "responses": {"200": {"description": "ok"}},
        }
    }


def change_default(spec: dict[str, Any]) -> None:
    operation(spec)["parameters"][2]["schema"]["default"] = 0


def remove_server(spec: dict[str, Any]) -> None:
    spec["servers"] = [{"url": "http://127.0.0.1:32400"}]


CASES: dict[str, tuple[Callable[[dict[str, Any]], None], list[Change]]] = {
    "add an optional query parameter": (add_optional_query, [Change(False, f"{OP} query `includeHttps`", "new optional parameter")]),
    "add a required query parameter": (add_required_query, [Change(True, f"{OP} query `includeHttps`", "new required parameter")]),
    "remove a response field": (remove_response_field, [Change(True, f"{OK}: Device.Connection[].relay", "field removed")]),
    "change a field's type": (retype_field, [Change(True, f"{OK}: Device.Connection[].port", "type changed: integer -> string")]),
    "remove an enum value": (remove_enum_value, [Change(True, f"{OP} query `refresh`", "enum value(s) removed: 0")]),
    "add a status code": (add_status, [Change(False, f"{OP} 404", "new status")]),
    "rename the operation": (rename_operation, [Change(True, OP, "operationId renamed: getSourceConnectionInformation -> getSourceConnections (generated function and module names change)")]),
    "add an optional response field": (add_optional_response_field, [Change(False, f"{OK}: Device.Connection[].IPv6", "new optional field")]),
    "add a response enum value": (add_response_enum_value, [Change(True, f"{OK}: Device.Connection[].protocol", "enum value(s) added: 'ws'")]),
    "make a response field optional": (make_field_optional, [Change(True, f"{OK}: Device.Connection[].port", "field no longer required")]),
    "remove a status": (remove_status, [Change(True, f"{OP} 403", "status removed")]),
    "widen a parameter's type": (widen_parameter_type, [Change(False, f"{OP} query `source`", "type widened: string -> null, string")]),
    "widen a response field's type": (narrow_response_type, [Change(True, f"{OK}: Device.Connection[].port", "type widened: integer -> integer, string")]),
    "drop authentication": (drop_security, [Change(False, OP, "no longer requires authentication")]),
    "add an operation": (add_operation, [Change(False, "GET /identity", "new operation")]),
    "add a parameter default": (change_default, [Change(True, f"{OP} query `refresh`", "default changed: None -> 0")]),
    "replace a server": (remove_server, [Change(True, "server http://localhost:32400", "server removed"), Change(False, "server http://127.0.0.1:32400", "new server")]),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CASES))
def test_classification(case: str) -> None:
    mutate, expected = CASES[case]
    new = copy.deepcopy(BASE)
    mutate(new)
    assert diff_specs(BASE, new) == expected


def test_no_change_no_report() -> None:
    assert diff_specs(BASE, copy.deepcopy(BASE)) == []


def test_a_change_in_a_shared_parameter_shows_where_it_is_used() -> None:
    new = copy.deepcopy(BASE)
    new["components"]["parameters"]["client"]["required"] = False
    assert diff_specs(BASE, new) == [
        Change(
            False,
            f"{OP} header `X-Plex-Client-Identifier`",
            "parameter no longer required",
        )
    ]


def test_breaking_changes_come_first() -> None:
    new = copy.deepcopy(BASE)
    add_optional_query(new)
    remove_response_field(new)
    assert [c.breaking for c in diff_specs(BASE, new)] == [True, False]


def test_removed_operation_is_breaking() -> None:
    assert diff_specs(BASE, {**BASE, "paths": {}}) == [
        Change(True, OP, "operation removed")
    ]


def test_recursive_schemas_resolve_without_looping() -> None:
    spec = {"components": {"schemas": {"Node": {"type": "object", "properties": {
        "child": {"$ref": "#/components/schemas/Node"}}}}}}  # fmt: skip
    resolved = resolve_refs(spec)
    node = resolved["components"]["schemas"]["Node"]
    assert node["properties"]["child"]["properties"]["child"] == {
        "$ref": "#/components/schemas/Node"
    }


def test_the_real_spec_against_itself() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    assert diff_specs(spec, copy.deepcopy(spec)) == []
