"""The REST API under /api/v1/ (issue 16): the DRF glue every app's api/ builds on (paging,
problem details, the API-Version header, site-scoped viewsets) and the router (urls.py).

The major version is in the path; `API_VERSION` is the full version of what is served, sent
in the `API-Version` header of every answer and in the OpenAPI document."""

API_VERSION = "1.3.0"
