"""Resources that an app outside the API's router module adds to `/api/v1/`: the router lives
in partnerships/api/urls.py, which may not import an app above it (evaluations, see the
layering contract), so such an app registers its viewsets here in `AppConfig.ready()`."""

_extra: list[tuple[str, type, str]] = []


def register(prefix: str, viewset: type, basename: str) -> None:
    if all(prefix != known for known, _, _ in _extra):
        _extra.append((prefix, viewset, basename))


def registered() -> list[tuple[str, type, str]]:
    return list(_extra)
