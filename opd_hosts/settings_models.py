"""Site settings that belong to the whole region, whichever host shows them."""

from .hosts import region_site_id


class RegionWideSettingMixin:
    """Put before ``BaseSiteSetting``: ``for_request`` returns the region Site's row on an OPD host too.

    Without it an OPD served at its own host name would read (and create) an empty row of its
    own Site: no region name, logo, footer or alert banner. One query per request, as before.
    """

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site_id = region_site_id(request)
        if site_id is None:
            return super().for_request(request)
        instance, _created = cls.base_queryset().get_or_create(site_id=site_id)
        instance._request = request
        setattr(request, attr_name, instance)
        return instance
