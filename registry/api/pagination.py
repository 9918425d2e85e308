"""Page-number paging with links (`?pagina=2&pagina_grootte=50`), as the Dutch API Design
Rules describe: the rows under `resultaten`, the count, and `_links` to the first, previous,
next and last page."""

from collections import OrderedDict

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param


def _link(url):
    return {"href": url} if url else None


class Pages(PageNumberPagination):
    page_size = 25
    max_page_size = 100
    page_query_param = "pagina"
    page_size_query_param = "pagina_grootte"
    invalid_page_message = "Deze pagina bestaat niet."

    def _page_url(self, number: int) -> str:
        url = self.request.build_absolute_uri()
        if number == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, number)

    def get_paginated_response(self, data):
        page = self.page
        links = OrderedDict(
            self=_link(self._page_url(page.number)),
            first=_link(self._page_url(1)),
            prev=_link(self.get_previous_link()),
            next=_link(self.get_next_link()),
            last=_link(self._page_url(page.paginator.num_pages)),
        )
        return Response(
            {
                "aantal": page.paginator.count,
                "pagina": page.number,
                "paginas": page.paginator.num_pages,
                "_links": {name: link for name, link in links.items() if link},
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {
            "type": "object",
            "properties": {"href": {"type": "string", "format": "uri"}},
            "required": ["href"],
        }
        return {
            "type": "object",
            "required": ["aantal", "pagina", "paginas", "_links", "resultaten"],
            "properties": {
                "aantal": {"type": "integer", "example": 123},
                "pagina": {"type": "integer", "example": 1},
                "paginas": {"type": "integer", "example": 5},
                "_links": {
                    "type": "object",
                    "properties": {
                        name: link for name in ("self", "first", "prev", "next", "last")
                    },
                    "required": ["self", "first", "last"],
                },
                "resultaten": schema,
            },
        }
