"""What the shared header, footer and search form need to know about the host they are on."""

from django import template
from django.urls import reverse

from opd_hosts import hosts

register = template.Library()


@register.simple_tag(takes_context=True)
def region_home_url(context):
    """The region's home page: ``/`` on the region's host, its absolute address on an OPD host."""
    request = context.get("request")
    return hosts.region_home_url(request) if request is not None else "/"


@register.simple_tag(takes_context=True)
def region_url(context, name, *args, **kwargs):
    """``{% url %}`` on the region's host: absolute on an OPD host (the admin and login live on one host)."""
    request = context.get("request")
    path = reverse(name, args=args, kwargs=kwargs)
    if request is None or not hosts.is_opd_host(request):
        return path
    return hosts.region_root(request).root_url + path


@register.simple_tag(takes_context=True)
def host_opd(context):
    """The OPD this host serves (``None`` on the region's host): the search form's default scope."""
    request = context.get("request")
    return hosts.host_opd(request) if request is not None else None
