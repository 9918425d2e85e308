"""The `API-Version` header on every answer under /api/ (Dutch API Design Rules), also on
errors that never reach a DRF view; and conditional requests on the API's answers."""

from django.middleware.http import ConditionalGetMiddleware

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


class ConditionalAPIMiddleware(ConditionalGetMiddleware):
    """Under /api/: an ETag on every GET answer (of its body, so it differs per reader as
    the answer does) and 304 Not Modified to `If-None-Match` with the same tag. The answer is
    still computed; what is saved is sending it. The open-data files set their own ETag and
    Last-Modified from the register's version, and answer 304 before building anything."""

    def process_response(self, request, response):
        if not request.path.startswith(PREFIX):
            return response
        return super().process_response(request, response)
