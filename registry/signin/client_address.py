"""The client's address for the lockout (settings.AXES_CLIENT_IP_CALLABLE).

Without proxies (REGISTRY_PROXY_COUNT=0) it is REMOTE_ADDR and X-Forwarded-For is ignored.
Behind N proxies it is the N-th address from the right of X-Forwarded-For: each proxy appends
the address it received the request from, so the entries on the right are the proxies' own
and cannot be chosen by the client; whatever a client puts in the header itself stays on the
left, where it is not read. (django-ipware's proxy_count, which axes offers, takes the
leftmost entry when there are more than expected, so a client could pick its address.)"""

from django.conf import settings


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = settings.REGISTRY_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote  # not through all the proxies: what reached us directly
    return forwarded[-count]
