"""The OpenAPI document, generated from the routes' own schemas."""

from __future__ import annotations

from typing import Any

from medinfo.api import bp
from medinfo.api.support import OPERATIONS, Operation, openapi_path, path_params
from medinfo.permissions import public

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
            },
            "required": ["code", "message", "fields"],
        }
    },
    "required": ["error"],
}
REF = "#/components/schemas/{model}"


def _schema_ref(model, components: dict[str, Any]) -> dict[str, str]:
    schema = model.model_json_schema(ref_template=REF)
    for name, sub in schema.pop("$defs", {}).items():
        components[name] = sub
    components[model.__name__] = schema
    return {"$ref": REF.format(model=model.__name__)}


def _operation(op: Operation, components: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {"summary": op.summary, "responses": {}}
    if op.permission:
        doc["description"] = f"Requires the `{op.permission.value}` permission."
    params = [
        {"name": name, "in": "path", "required": True, "schema": {"type": kind}}
        for name, kind in path_params(op.path)
    ]
    if op.query is not None:
        for name, info in op.query.model_json_schema()["properties"].items():
            params.append({"name": name, "in": "query", "required": False, "schema": info})
    if op.idempotent:
        params.append(
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "schema": {"type": "string", "maxLength": 200},
            }
        )
    if params:
        doc["parameters"] = params
    if op.body is not None:
        doc["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _schema_ref(op.body, components)}},
        }
    ok = {"description": "OK"}
    if op.response is not None:
        ok["content"] = {"application/json": {"schema": _schema_ref(op.response, components)}}
    doc["responses"][str(op.status)] = ok
    for code, text in (
        ("401", "Not authenticated"),
        ("403", "Not allowed"),
        ("404", "Not found"),
        ("422", "Invalid input"),
    ):
        doc["responses"][code] = {
            "description": text,
            "content": {"application/json": {"schema": {"$ref": REF.format(model="Error")}}},
        }
    return doc


def build_openapi() -> dict[str, Any]:
    """The whole OpenAPI 3.1 document."""
    components: dict[str, Any] = {"Error": ERROR_SCHEMA}
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(openapi_path(op.path), {})[op.method] = _operation(op, components)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "MedInfo Desk API",
            "version": "1.0.0",
            "description": "Contacts, interactions, calls and history of the "
            'medical-information desk. Errors: {"error": {"code", '
            '"message", "fields"}} with a 4xx status.',
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"session": []}],
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
        },
    }


@bp.get("/openapi.json")
@public
def openapi():
    """Serve the OpenAPI document."""
    return build_openapi()
