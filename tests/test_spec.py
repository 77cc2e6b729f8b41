"""openapi.yaml: valid, examples true to their schemas, headers and parameters as documented."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from openapi_spec_validator import validate

from plex_resources_api import models

from .conftest import ROOT
from .spec_support import operation_parameters, validator_for

# name -> (required, description, example): the identity headers exactly as Plex documents them.
IDENTITY_HEADERS = {
    "X-Plex-Client-Identifier": (True, "An opaque identifier unique to the client", "abc123"),
    "X-Plex-Product": (False, "The name of the client product", "Plex for Roku"),
    "X-Plex-Version": (False, "The version of the client application", "2.4.1"),
    "X-Plex-Platform": (False, "The platform of the client", "Roku"),
    "X-Plex-Platform-Version": (False, "The version of the platform", "4.3 build 1057"),
    "X-Plex-Device": (False, "A relatively friendly name for the client device", "Roku 3"),
    "X-Plex-Model": (False, "A potentially less friendly identifier for the device model", "4200X"),
    "X-Plex-Device-Vendor": (False, "The device vendor", "Roku"),
    "X-Plex-Device-Name": (False, "A friendly name for the client", "Living Room TV"),
    "X-Plex-Marketplace": (False, "The marketplace on which the client application is distributed", "googlePlay"),
}  # fmt: skip


def examples_with_schemas(
    spec: dict[str, Any],
) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """Yield (where, example, schema) for every example the document holds."""
    for name, param in spec["components"]["parameters"].items():
        yield f"parameter {name}", param["example"], param["schema"]
    for path, item in spec["paths"].items():
        for method, op in item.items():
            # $ref'd parameters were checked above, under components.
            for param in op.get("parameters", []):
                if "$ref" in param:
                    continue
                for key, example in param.get("examples", {}).items():
                    yield (
                        f"{method} {path} {param['name']} {key}",
                        example["value"],
                        param["schema"],
                    )
                if "example" in param:
                    yield (
                        f"{method} {path} {param['name']}",
                        param["example"],
                        param["schema"],
                    )
            for status, response in op["responses"].items():
                for media, content in response.get("content", {}).items():
                    if "example" in content:
                        where = f"{method} {path} {status} {media}"
                        yield where, content["example"], content["schema"]
    for name, schema in spec["components"]["schemas"].items():
        parts = [schema, *schema.get("allOf", [])]
        for part in parts:
            for prop_name, prop in part.get("properties", {}).items():
                if "example" in prop:
                    yield f"schema {name}.{prop_name}", prop["example"], prop


def test_document_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_example_fits_its_schema(spec: dict[str, Any]) -> None:
    checked = 0
    for where, example, schema in examples_with_schemas(spec):
        errors = list(validator_for(spec, schema).iter_errors(example))
        assert not errors, f"{where}: {errors[0].message}"
        checked += 1
    # 11 header parameters, 3 query examples, 9 response bodies, 12 schema properties.
    assert checked == 35


def test_a_wrong_example_is_caught(
    spec: dict[str, Any], json_example: dict[str, Any]
) -> None:
    """The check above can fail: a string port breaks the response schema."""
    schema = spec["paths"]["/security/resources"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    broken = {
        "MediaContainer": {"Device": {**json_example["MediaContainer"]["Device"]}}
    }
    broken["MediaContainer"]["Device"]["Connection"] = [{"port": "32400"}]
    assert list(validator_for(spec, schema).iter_errors(broken))


def test_xml_example_says_what_the_json_example_says(
    json_example: dict[str, Any], xml_example: str
) -> None:
    root = ET.fromstring(xml_example)  # noqa: S314 - our own documented example
    device = json_example["MediaContainer"]["Device"]
    assert root.tag == "MediaContainer"
    assert root.attrib == {"size": str(json_example["MediaContainer"]["size"])}
    xml_device = root.find("Device")
    assert xml_device is not None
    assert xml_device.attrib == {k: v for k, v in device.items() if k != "Connection"}
    as_xml = {True: "1", False: "0"}
    expected = [
        {k: as_xml[v] if isinstance(v, bool) else str(v) for k, v in c.items()}
        for c in device["Connection"]
    ]
    assert [c.attrib for c in xml_device.findall("Connection")] == expected


@pytest.mark.parametrize("name", sorted(IDENTITY_HEADERS))
def test_identity_header_is_documented(
    spec: dict[str, Any], operation: dict[str, Any], name: str
) -> None:
    required, description, example = IDENTITY_HEADERS[name]
    param = operation_parameters(spec, operation)[name]
    assert param["in"] == "header"
    assert param["required"] is required
    assert param["description"] == description
    assert param["example"] == example
    assert param["schema"]["type"] == "string"
    # The one identity header a client must send is also the one that must not be empty.
    assert param["schema"].get("minLength") == (1 if required else None)


def test_accepts_header(spec: dict[str, Any], operation: dict[str, Any]) -> None:
    param = operation_parameters(spec, operation)["accepts"]
    assert param["in"] == "header"
    assert param["required"] is False
    assert param["schema"] == {
        "type": "string",
        "enum": ["application/json", "application/xml"],
        "default": "application/xml",
    }


def test_token_is_the_document_wide_security(spec: dict[str, Any]) -> None:
    assert spec["security"] == [{"token": []}]
    scheme = spec["components"]["securitySchemes"]["token"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == (
        "apiKey",
        "header",
        "X-Plex-Token",
    )
    assert "JWT" in scheme["description"]


def test_operation_parameters(spec: dict[str, Any], operation: dict[str, Any]) -> None:
    params = operation_parameters(spec, operation)
    assert operation["operationId"] == "getSourceConnectionInformation"
    assert len(params) == 13  # accepts, ten identity headers, source, refresh
    source = params["source"]
    assert (source["in"], source["required"]) == ("query", True)
    assert {e["value"].split("://")[0] for e in source["examples"].values()} == {
        "server",
        "provider",
    }
    for example in source["examples"].values():
        assert re.fullmatch(source["schema"]["pattern"], example["value"])
    refresh = params["refresh"]
    assert (refresh["in"], refresh["required"]) == ("query", False)
    assert refresh["schema"] == {
        "type": "integer",
        "enum": [0, 1],
    }  # inline, no default
    assert refresh["description"].startswith("Force refresh")


def test_documented_responses(operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    assert set(responses) == {"200", "400", "401", "403", "404"}
    assert set(responses["200"]["content"]) == {"application/json", "application/xml"}
    for status in ("400", "401", "403", "404"):
        content = responses[status]["content"]
        assert list(content) == ["text/html"]
        assert content["text/html"]["schema"] == {"type": "string"}
        assert f"<h1>{status} " in content["text/html"]["example"]


def secret_properties(spec: dict[str, Any]) -> set[tuple[str, str]]:
    """(schema, property) pairs that the spec marks as secrets."""
    return {
        (schema_name, prop_name)
        for schema_name, schema in spec["components"]["schemas"].items()
        for prop_name, prop in schema.get("properties", {}).items()
        if prop.get("format") == "password"
    }


def test_secret_marking_reaches_the_generated_models(spec: dict[str, Any]) -> None:
    """Every `format: password` property, and only those, is a secret attrs field."""
    assert secret_properties(spec) == {("Device", "accessToken")}
    generated = set()
    for schema_name in spec["components"]["schemas"]:
        model = getattr(models, schema_name)
        for field in attrs.fields(model):
            if field.metadata.get("secret"):
                assert field.repr is False
                generated.add((schema_name, field.name))
    assert generated == {("Device", "access_token")}
    template = (ROOT / "templates" / "model.py.jinja").read_text(encoding="utf-8")
    listed = re.search(r"SECRET_PROPERTIES = \[(.*?)\]", template)
    assert listed is not None
    assert set(re.findall(r'"(\w+)"', listed.group(1))) == {
        prop for _, prop in secret_properties(spec)
    }


def test_only_documented_optional_fields_are_optional(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    assert set(schemas["Device"]["required"]) == {
        "name",
        "clientIdentifier",
        "accessToken",
        "Connection",
    }
    assert set(schemas["Connection"]["required"]) == {
        "protocol",
        "address",
        "port",
        "uri",
        "local",
    }
    assert "required" not in schemas["MediaContainer"]
    for name in (
        "MediaContainer",
        "Device",
        "Connection",
        "SourceConnectionInformationResponse",
    ):
        assert schemas[name]["additionalProperties"] is True
        for prop in schemas[name].get("properties", {}).values():
            assert "description" in prop or "$ref" in prop


def test_identity_operation_needs_no_token(spec: dict[str, Any]) -> None:
    op = spec["paths"]["/identity"]["get"]
    assert op["operationId"] == "getServerIdentity"
    assert op["security"] == [{}]
    names = set(operation_parameters(spec, op))
    assert names == set(IDENTITY_HEADERS) | {"accepts"}
    example = op["responses"]["200"]["content"]["application/json"]["example"]
    assert example == {
        "MediaContainer": {
            "size": 1,
            "claimed": True,
            "machineIdentifier": "0123456789abcdef0123456789abcdef",
            "version": "1.40.2.8395-c67dce28e",
        }
    }
