"""Wire types of openapi.yaml's schemas; written by tools/generate.py, do not edit.

The SDK decodes XML attributes and checks JSON values by these types, so the spec stays the
one place that says what each field is.
"""

# schema -> property -> boolean | integer | number | string | object:<Schema> |
# array:<Schema or type>
PROPERTIES: dict[str, dict[str, str]] = {
    "Connection": {
        "address": "string",
        "local": "boolean",
        "port": "integer",
        "protocol": "string",
        "relay": "boolean",
        "uri": "string",
    },
    "Device": {
        "Connection": "array:Connection",
        "accessToken": "string",
        "clientIdentifier": "string",
        "name": "string",
    },
    "MediaContainer": {
        "identifier": "string",
        "offset": "integer",
        "size": "integer",
        "totalSize": "integer",
    },
    "ServerIdentity": {
        "claimed": "boolean",
        "identifier": "string",
        "machineIdentifier": "string",
        "offset": "integer",
        "size": "integer",
        "totalSize": "integer",
        "version": "string",
    },
    "ServerIdentityResponse": {
        "MediaContainer": "object:ServerIdentity",
    },
    "SourceConnectionInformation": {
        "Device": "object:Device",
        "identifier": "string",
        "offset": "integer",
        "size": "integer",
        "totalSize": "integer",
    },
    "SourceConnectionInformationResponse": {
        "MediaContainer": "object:SourceConnectionInformation",
    },
}

# schema -> properties an answer must carry
REQUIRED: dict[str, frozenset[str]] = {
    "Connection": frozenset(["address", "local", "port", "protocol", "uri"]),
    "Device": frozenset(["Connection", "accessToken", "clientIdentifier", "name"]),
    "MediaContainer": frozenset([]),
    "ServerIdentity": frozenset(["machineIdentifier"]),
    "ServerIdentityResponse": frozenset(["MediaContainer"]),
    "SourceConnectionInformation": frozenset(["Device"]),
    "SourceConnectionInformationResponse": frozenset(["MediaContainer"]),
}

# schema -> properties marked `format: password`: credentials
SECRETS: dict[str, frozenset[str]] = {
    "Connection": frozenset([]),
    "Device": frozenset(["accessToken"]),
    "MediaContainer": frozenset([]),
    "ServerIdentity": frozenset([]),
    "ServerIdentityResponse": frozenset([]),
    "SourceConnectionInformation": frozenset([]),
    "SourceConnectionInformationResponse": frozenset([]),
}
