"""The OpenAPI 3.1 description of the public JSON API, served at /api/v1/openapi.json.

Written out by hand because the API is small and its contract matters more than its code;
schemathesis checks every response against it (api/tests/test_openapi.py).
"""

from django.http import JsonResponse

from api.views import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET
from search.base import MAX_QUERY_LENGTH, SORTS

TERM = {
    "type": "object",
    "required": ["slug", "name"],
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
}
FACET = {
    "type": "object",
    "required": ["slug", "name", "count"],
    "properties": {"slug": {"type": "string"}, "name": {"type": "string"}, "count": {"type": "integer", "minimum": 0}},
}
GUIDE = {
    "type": "object",
    "required": ["slug", "title", "url", "summary", "snippet", "categories", "situations", "updated"],
    "properties": {
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "summary": {"type": "string", "description": "The ingress."},
        "snippet": {"type": "string", "description": "HTML-escaped text with <mark> around matched words."},
        "members_only": {"type": "boolean"},
        "categories": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
        "situations": {"type": "array", "items": {"$ref": "#/components/schemas/Term"}},
        "updated": {"type": "string", "format": "date"},
        "open_url": {"type": "string", "format": "uri",
                     "description": "On the first page of a search: the guide's address through the search log."},
    },
}
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["parameter", "message"],
            "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


def _json(schema_ref: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


ERRORS = {
    "400": _json("#/components/schemas/Error", "A parameter is invalid; `error.parameter` names it."),
    "429": _json("#/components/schemas/Error", "Too many searches from this address."),
}

QUERY = {
    "name": "q",
    "in": "query",
    "required": False,
    "description": f"Search words in Swedish; cut after {MAX_QUERY_LENGTH} characters.",
    "schema": {"type": "string"},
}

SCHEMA = {
    "openapi": "3.1.0",
    "info": {
        "title": "Chefsguider API",
        "version": "1.0.0",
        "description": "Guides for managers: listing, filtering by area and situation, Swedish search, suggestions.",
    },
    "servers": [{"url": "/"}],
    "paths": {
        "/api/v1/guides/": {
            "get": {
                "operationId": "listGuides",
                "summary": "Guides matching a search and filters, with facet counts",
                "parameters": [
                    QUERY,
                    {"name": "category", "in": "query", "description": "Guide area slug; repeat for OR.",
                     "schema": {"type": "array", "items": {"$ref": "#/components/schemas/AreaSlug"}},
                     "style": "form", "explode": True},
                    {"name": "situation", "in": "query", "description": "Situation slug; repeat for OR.",
                     "schema": {"type": "array", "items": {"$ref": "#/components/schemas/SituationSlug"}},
                     "style": "form", "explode": True},
                    {"name": "limit", "in": "query",
                     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}},
                    {"name": "offset", "in": "query",
                     "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}},
                    {"name": "sort", "in": "query", "schema": {"type": "string", "enum": list(SORTS)}},
                ],
                "responses": {
                    "200": {
                        "description": "One page of guides and the facet counts over all matches.",
                        "content": {"application/json": {"schema": {
                            "type": "object",
                            "required": ["count", "results", "facets"],
                            "properties": {
                                "count": {"type": "integer", "minimum": 0},
                                "results": {"type": "array", "items": {"$ref": "#/components/schemas/Guide"}},
                                "facets": {
                                    "type": "object",
                                    "required": ["category", "situation"],
                                    "properties": {
                                        "category": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
                                        "situation": {"type": "array", "items": {"$ref": "#/components/schemas/Facet"}},
                                    },
                                },
                                "suggestion": {"type": ["string", "null"], "description": "Menade du …?"},
                                "nearest": {"type": "array", "items": {"$ref": "#/components/schemas/Guide"}},
                            },
                        }}},
                    },
                    **ERRORS,
                },
            }
        },
        "/api/v1/suggest/": {
            "get": {
                "operationId": "suggest",
                "summary": "Completions for what a reader is typing (from two characters)",
                "parameters": [QUERY],
                "responses": {
                    "200": {
                        "description": "Suggestions, best first.",
                        "content": {"application/json": {"schema": {
                            "type": "object",
                            "required": ["query", "suggestions"],
                            "properties": {
                                "query": {"type": "string"},
                                "suggestions": {
                                    "type": "array", "items": {"type": "string"},
                                    "description": "Everything suggested, titles and completions, best first.",
                                },
                                "guides": {
                                    "type": "array", "description": "Guides whose titles match: open them directly.",
                                    "items": {"type": "object", "required": ["title", "url"], "properties": {
                                        "title": {"type": "string"}, "url": {"type": "string"}}},
                                },
                                "completions": {"type": "array", "items": {"type": "string"},
                                                "description": "Searches to complete, one per word stem."},
                            },
                        }}},
                    },
                    "429": ERRORS["429"],
                },
            }
        },
    },
    "components": {"schemas": {"Term": TERM, "Facet": FACET, "Guide": GUIDE, "Error": ERROR}},
}


def build_schema() -> dict:
    """The schema with today's area and situation slugs as the allowed values."""
    from guides.models import GuideArea, Situation

    schema = {**SCHEMA, "components": {"schemas": dict(SCHEMA["components"]["schemas"])}}
    for name, model in (("AreaSlug", GuideArea), ("SituationSlug", Situation)):
        schema["components"]["schemas"][name] = {
            "type": "string", "enum": list(model.objects.values_list("slug", flat=True))
        }
    return schema


def openapi_json(request):
    return JsonResponse(build_schema(), json_dumps_params={"ensure_ascii": False})
