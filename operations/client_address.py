"""The real client address behind trusted reverse proxies.

Behind nginx every request comes from the proxy's address. This middleware replaces
``REMOTE_ADDR`` with the client address from ``X-Forwarded-For`` — but only when the direct peer
is one of ``PORTAL_TRUSTED_PROXIES`` (networks), and only as many hops as
``PORTAL_TRUSTED_PROXY_HOPS`` says, so a client cannot spoof its address by sending the header
itself. Rate limits, lockouts and the audit log all read ``REMOTE_ADDR`` afterwards.
"""

import ipaddress

from django.conf import settings


def _networks():
    return [ipaddress.ip_network(net, strict=False) for net in getattr(settings, "PORTAL_TRUSTED_PROXIES", [])]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def real_client_address(meta, networks=None, hops=None):
    """The client address for a request's ``META`` (see the module docstring)."""
    networks = _networks() if networks is None else networks
    hops = getattr(settings, "PORTAL_TRUSTED_PROXY_HOPS", 1) if hops is None else hops
    peer = meta.get("REMOTE_ADDR", "")
    if not networks or not _is_trusted(peer, networks):
        return peer
    chain = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    # Walk back from the nearest proxy: each trusted hop may name the address before it.
    address = peer
    for _hop in range(hops):
        if not chain:
            break
        candidate = chain.pop()
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            break
        address = candidate
        if not _is_trusted(address, networks):
            break
    return address


class TrustedProxyMiddleware:
    """Sets ``REMOTE_ADDR`` to the real client address; must come first in ``MIDDLEWARE``."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.networks = _networks()

    def __call__(self, request):
        if self.networks:
            request.META["PORTAL_PROXY_ADDR"] = request.META.get("REMOTE_ADDR", "")
            request.META["REMOTE_ADDR"] = real_client_address(request.META, self.networks)
        return self.get_response(request)
