"""The `API-Version` header on every answer under /api/ (Dutch API Design Rules), also on
errors that never reach a DRF view."""

from registry.api import API_VERSION

PREFIX = "/api/"


class APIVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PREFIX):
            response["API-Version"] = API_VERSION
        return response
