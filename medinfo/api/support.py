"""Declaring API routes once: permission, request/response schemas and the OpenAPI entry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flask import jsonify, request
from pydantic import BaseModel, ValidationError

from medinfo.errors import ValidationFailed
from medinfo.permissions import Permission, permission_required

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Operation:
    """One documented API operation."""

    path: str
    method: str
    summary: str
    permission: Permission | None
    body: type[BaseModel] | None
    query: type[BaseModel] | None
    response: type[BaseModel] | None
    status: int
    idempotent: bool


OPERATIONS: list[Operation] = []
# Path parameters: {name} is an integer id, {name:str} a text id (e.g. a KB article's id).
PATH_PARAM = re.compile(r"\{(\w+)(:str)?\}")


def _flask_param(match: re.Match) -> str:
    return f"<{match[1]}>" if match[2] else f"<int:{match[1]}>"


def path_params(path: str) -> list[tuple[str, str]]:
    """(name, OpenAPI type) of each path parameter."""
    return [(m[1], "string" if m[2] else "integer") for m in PATH_PARAM.finditer(path)]


def openapi_path(path: str) -> str:
    """The path as OpenAPI writes it: {name}, without the type suffix."""
    return PATH_PARAM.sub(lambda m: "{" + m[1] + "}", path)


def _field_path(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if part != "__root__") or "body"


def validation_fields(exc: ValidationError) -> dict[str, str]:
    """Pydantic errors as {field.path: message}."""
    fields: dict[str, str] = {}
    for err in exc.errors(include_url=False, include_input=False):
        fields.setdefault(_field_path(tuple(err["loc"])), err["msg"])
    return fields


def parse_body(model: type[M]) -> M:
    """Validate the JSON body against a schema; 4xx with field messages when it does not fit."""
    payload = request.get_json(silent=True)
    if payload is None:
        raise ValidationFailed({"body": "Send a JSON object (Content-Type: application/json)."})
    if not isinstance(payload, dict):
        raise ValidationFailed({"body": "The body must be a JSON object."})
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise ValidationFailed(validation_fields(exc)) from None


def parse_query(model: type[M]) -> M:
    """Validate query-string arguments against a schema."""
    try:
        return model.model_validate(request.args.to_dict())
    except ValidationError as exc:
        raise ValidationFailed(validation_fields(exc)) from None


def api_route(
    bp,
    path: str,
    method: str,
    *,
    summary: str,
    permission: Permission | None,
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    response: type[BaseModel] | None = None,
    status: int = 200,
    idempotent: bool = False,
) -> Callable:
    """Register a route on the API blueprint and in the OpenAPI document."""
    OPERATIONS.append(
        Operation(
            path, method.lower(), summary, permission, body, query, response, status, idempotent
        )
    )

    def decorator(view: Callable) -> Callable:
        guarded = permission_required(*([permission] if permission else []))(view)
        flask_path = PATH_PARAM.sub(_flask_param, path)
        bp.add_url_rule(flask_path, view.__name__, guarded, methods=[method.upper()])
        return guarded

    return decorator


def respond(body: dict | BaseModel, status: int = 200, headers: dict | None = None):
    """JSON response from a dict or a schema instance."""
    if isinstance(body, BaseModel):
        body = body.model_dump(mode="json")
    return jsonify(body), status, headers or {}
