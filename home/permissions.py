"""What the Humas group may do on the front page: curate it and write the region's own news.

The group, its model permissions (``PORTAL_HUMAS_PERMISSIONS``), its page permissions on the
regional pages and its media collection come from ``opd_teams.roles``; this module only adds
the "Semua berita" page, where the region's own news lives.
"""

from opd_teams.roles import ensure_platform_groups, grant_page_permissions

#: Page permissions humas holds on "Semua berita", where the region's own news lives.
REGIONAL_NEWS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def ensure_humas_group(news_archive=None):
    """The Humas group with its permissions and, given "Semua berita", its page permissions there."""
    group = ensure_platform_groups()["humas"]
    if news_archive is not None:
        grant_page_permissions(group, news_archive, REGIONAL_NEWS_PAGE_PERMISSIONS)
    return group
