from django.urls import path

from .feeds import FEEDS, feed_view

urlpatterns = []
for (kind, fmt), feed_class in FEEDS.items():
    feed = feed_view(feed_class)
    urlpatterns += [
        path(f"umpan/{kind}.{fmt}", feed, name=f"feed_{kind}_{fmt}"),
        path(f"umpan/<slug:opd>/{kind}.{fmt}", feed, name=f"feed_opd_{kind}_{fmt}"),
    ]
