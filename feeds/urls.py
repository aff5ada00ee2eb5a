from django.urls import path

from .feeds import FEEDS

urlpatterns = []
for (kind, fmt), feed in FEEDS.items():
    urlpatterns += [
        path(f"umpan/{kind}.{fmt}", feed, name=f"feed_{kind}_{fmt}"),
        path(f"umpan/<slug:opd>/{kind}.{fmt}", feed, name=f"feed_opd_{kind}_{fmt}"),
    ]
